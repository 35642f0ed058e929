<#ftl output_format="plainText">
${msg("vigi2faNewDeviceBody", realmName, username, application, device, time, ipAddress)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
