<#ftl output_format="plainText">
${msg("vigi2faPasswordChangedBody", realmName, username)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
