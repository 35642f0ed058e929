<#ftl output_format="plainText">
${msg("vigi2faDisabledBody", realmName, username)}
<#if byAdministrator??>

${msg("vigi2faDisabledByAdmin", realmName)}
</#if>
<#if vigiReportLink??>

${msg("vigi2faReportLinkText", vigiReportLink, vigiReportDays?c)}
</#if>
