<#ftl output_format="plainText">
${msg("vigi2faRecoveryUsedBody", realmName, username, left)}
