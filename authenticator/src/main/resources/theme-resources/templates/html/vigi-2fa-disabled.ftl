<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faDisabledBodyHtml", realmName, username))?no_esc}
</@layout.emailLayout>
