<#ftl output_format="plainText">
${msg("vigi2faLostLinkBody", realmName, username, link, linkMinutes?c)}
