<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faRecoveryUsedBodyHtml", realmName, username, left))?no_esc}
</@layout.emailLayout>
