<#ftl output_format="plainText">
${msg("vigi2faDisabledBody", realmName, username)}
