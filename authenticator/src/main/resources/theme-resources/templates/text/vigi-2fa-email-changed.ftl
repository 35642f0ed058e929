<#ftl output_format="plainText">
${msg("vigi2faEmailChangedBody", realmName, username, maskedNewEmail)}
