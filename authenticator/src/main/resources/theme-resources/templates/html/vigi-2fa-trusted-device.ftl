<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("vigi2faTrustedDeviceBodyHtml", realmName, username, device, days))?no_esc}
</@layout.emailLayout>
