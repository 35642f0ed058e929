<#ftl output_format="plainText">
${msg("vigi2faMovedBody", realmName, username)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
