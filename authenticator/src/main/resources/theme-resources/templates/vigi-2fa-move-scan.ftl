<#import "template.ftl" as layout>
<#import "vigi-2fa-code-input.ftl" as code>
<#-- Moving 2FA to a new phone, second page: the QR code and key for the new phone, then its code. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('totp'); section>
    <#if section = "header">
        ${msg("vigi2faMoveScanTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-move-scan" class="vigi-2fa">
            <p class="vigi-2fa-lead">${msg("vigi2faMoveScanIntro")}</p>
            <ol class="vigi-2fa-steps">
                <li>
                    <p>${msg("vigi2faMoveScanStep1")}</p>
                    <img id="vigi-qr" class="vigi-2fa-qr" src="${vigiQr}" width="240" height="240" style="max-width:100%;height:auto" alt="${msg("vigi2faEnableQrAlt")}"/>
                    <p>${msg("vigi2faMoveManual")}</p>
                    <p><code id="vigi-secret" class="vigi-2fa-secret" style="font-size:1.15em;letter-spacing:.05em;word-break:break-word">${vigiSecret}</code></p>
                    <p id="vigi-account">${msg("vigi2faEnableManualAccount", vigiIssuer, vigiAccount)}</p>
                </li>
                <li>
                    <p>${msg("vigi2faMoveScanStep2", vigiDigits?c)}</p>
                </li>
            </ol>
            <form id="vigi-move-scan-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="otp" class="${properties.kcLabelClass!}">${msg("vigi2faMoveCodeLabel", vigiDigits?c)}</label>
                    <@code.field describedBy="input-error-otp-code" invalid=messagesPerField.existsError('totp')/>
                    <#if messagesPerField.existsError('totp')>
                        <span id="input-error-otp-code" class="${properties.kcInputErrorMessageClass!}" role="alert" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('totp'))?no_esc}
                        </span>
                    </#if>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="userLabel" class="${properties.kcLabelClass!}">${msg("vigi2faEnableNameLabel")}</label>
                    <input id="userLabel" name="userLabel" type="text" class="${properties.kcInputClass!}"
                           autocomplete="off" maxlength="${vigiAuthenticatorNameMax?c}" value="${vigiMoveName!''}"
                           aria-describedby="vigi-name-hint"/>
                    <p id="vigi-name-hint" class="vigi-2fa-hint">${msg("vigi2faEnableNameHint")}</p>
                </div>
                <p id="vigi-move-old-works">${msg("vigi2faMoveOldStillWorks")}</p>
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!} vigi-2fa-buttons">
                    <button id="vigi-verify" name="verify" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faMoveVerify")}</button>
                    <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                            class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("doCancel")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
