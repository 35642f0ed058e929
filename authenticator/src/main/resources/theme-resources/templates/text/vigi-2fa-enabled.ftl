<#ftl output_format="plainText">
${msg("vigi2faEnabledBody", realmName, username)}
