<#ftl output_format="plainText">
${msg("vigi2faTrustedDeviceBody", realmName, username, device, days)}
