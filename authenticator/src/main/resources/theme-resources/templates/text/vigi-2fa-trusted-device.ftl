<#ftl output_format="plainText">
${msg("vigi2faTrustedDeviceBody", realmName, username, device, days)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
