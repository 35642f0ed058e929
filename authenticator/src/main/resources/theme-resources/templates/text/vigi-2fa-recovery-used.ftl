<#ftl output_format="plainText">
${msg("vigi2faRecoveryUsedBody", realmName, username, left)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
