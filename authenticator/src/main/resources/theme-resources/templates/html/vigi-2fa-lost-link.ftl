<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faLostLinkBodyHtml", realmName, username, link, linkMinutes?c))?no_esc}
</@layout.emailLayout>
