<#ftl output_format="plainText">
${msg("vigi2faEmailChangedBody", realmName, username, maskedNewEmail)}
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
