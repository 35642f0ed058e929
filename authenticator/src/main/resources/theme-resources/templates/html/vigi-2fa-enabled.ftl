<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faEnabledBodyHtml", realmName, username))?no_esc}
</@layout.emailLayout>
