<#ftl output_format="plainText">
${msg("vigi2faLostLinkBody", realmName, username, link, linkMinutes?c)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
