<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faPasswordChangedBodyHtml", realmName, username))?no_esc}
</@layout.emailLayout>
