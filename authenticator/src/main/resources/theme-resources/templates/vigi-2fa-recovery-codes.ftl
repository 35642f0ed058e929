<#import "template.ftl" as layout>
<#-- The new set of recovery codes, shown once: copy, download, print, then "I saved them" stores it. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faRecoveryCodesTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-recovery-codes" class="vigi-2fa">
            <#if message?has_content>
                <div id="vigi-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
                </div>
            </#if>
            <p class="vigi-2fa-lead">${msg("vigi2faRecoveryCodesIntro")}</p>
            <#-- styled here, not in the vigi theme, so the list reads well under any login theme -->
            <style>
                .vigi-recovery-codes { font-family: monospace; font-size: 1.1em; columns: 2; column-gap: 2em; padding-left: 2.5em; }
                @media (max-width: 480px) { .vigi-recovery-codes { columns: 1; } }
                @media print { .vigi-recovery-actions, #vigi-recovery-codes-form { display: none; } }
            </style>
            <ol id="vigi-recovery-codes" class="vigi-recovery-codes">
                <#list vigiRecoveryCodes as code><li>${code}</li></#list>
            </ol>
            <div class="vigi-recovery-actions">
                <button id="vigi-recovery-copy" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" onclick="vigiRecoveryCopy(this)">${msg("vigi2faRecoveryCopy")}</button>
                <button id="vigi-recovery-download" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" onclick="vigiRecoveryDownload()">${msg("vigi2faRecoveryDownload")}</button>
                <button id="vigi-recovery-print" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" onclick="window.print()">${msg("vigi2faRecoveryPrint")}</button>
            </div>
            <form id="vigi-recovery-codes-form" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!} vigi-check">
                    <input id="saved" name="saved" type="checkbox" class="${properties.kcCheckInputClass!}" required/>
                    <label for="saved">${msg("vigi2faRecoverySavedCheck")}</label>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vigi-recovery-saved" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faRecoverySavedSubmit")}</button>
                    <#if isAppInitiatedAction??>
                        <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("doCancel")}</button>
                    <#elseif vigiRecoverySkippable!false>
                        <button id="vigi-recovery-skip" name="skip" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faRecoverySkip")}</button>
                    </#if>
                </div>
            </form>
            <script>
                <#outputformat "JavaScript">
                function vigiRecoveryText() {
                    var items = document.querySelectorAll("#vigi-recovery-codes li"), lines = [${msg("vigi2faRecoveryFileHeader", realm.displayName!realm.name)?c}, ""];
                    for (var i = 0; i < items.length; i++) { lines.push((i + 1) + ". " + items[i].textContent); }
                    return lines.join("\r\n") + "\r\n";
                }
                function vigiRecoveryCopy(button) {
                    navigator.clipboard.writeText(vigiRecoveryText()).then(function () { button.textContent = ${msg("vigi2faRecoveryCopied")?c}; });
                }
                function vigiRecoveryDownload() {
                    var link = document.createElement("a");
                    link.href = "data:text/plain;charset=utf-8," + encodeURIComponent(vigiRecoveryText());
                    link.download = "recovery-codes.txt";
                    document.body.appendChild(link);
                    link.click();
                    document.body.removeChild(link);
                }
                </#outputformat>
            </script>
        </div>
    </#if>
</@layout.registrationLayout>
