<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faMovedBodyHtml", realmName, username))?no_esc}
<#if vigiReportLink??>
${kcSanitize(msg("vigi2faReportLinkHtml", vigiReportLink, vigiReportDays?c))?no_esc}
</#if>
</@layout.emailLayout>
