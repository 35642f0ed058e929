<#ftl output_format="plainText">
${msg("vigi2faEnabledBody", realmName, username)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
