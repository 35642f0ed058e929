<#ftl output_format="plainText">
${msg("vigi2faDisabledBody", realmName, username)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
