<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faEmailChangedBodyHtml", realmName, username, maskedNewEmail))?no_esc}
</@layout.emailLayout>
