<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faDisabledBodyHtml", realmName, username))?no_esc}
<#if byAdministrator??>
${kcSanitize(msg("vigi2faDisabledByAdminHtml", realmName))?no_esc}
</#if>
<#if vigiReportLink??>
${kcSanitize(msg("vigi2faReportLinkHtml", vigiReportLink, vigiReportDays?c))?no_esc}
</#if>
</@layout.emailLayout>
