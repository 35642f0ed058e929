<#ftl output_format="plainText">
${msg("vigi2faPasswordChangedBody", realmName, username)}
