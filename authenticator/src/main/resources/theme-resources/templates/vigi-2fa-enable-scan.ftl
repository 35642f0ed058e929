<#import "template.ftl" as layout>
<#import "vigi-2fa-code-input.ftl" as code>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('totp'); section>
    <#if section = "header">
        ${msg("vigi2faEnableScanTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-enable-scan" class="vigi-2fa">
            <ol class="vigi-2fa-steps">
                <li>
                    <p>${msg("vigi2faEnableScanStep1")}</p>
                    <ul id="vigi-authenticator-apps" class="vigi-2fa-list">
                        <#list vigiAuthenticatorApps as app>
                            <li>${msg(app)}</li>
                        </#list>
                    </ul>
                </li>
                <li>
                    <p>${msg("vigi2faEnableScanStep2")}</p>
                    <img id="vigi-qr" class="vigi-2fa-qr" src="${vigiQr}" width="240" height="240" style="max-width:100%;height:auto" alt="${msg("vigi2faEnableQrAlt")}"/>
                    <p>${msg("vigi2faEnableManual", vigiDigits?c, vigiPeriod?c)}</p>
                    <p><code id="vigi-secret" class="vigi-2fa-secret" style="font-size:1.15em;letter-spacing:.05em;word-break:break-word">${vigiSecret}</code></p>
                    <p id="vigi-account">${msg("vigi2faEnableManualAccount", vigiIssuer, vigiAccount)}</p>
                </li>
                <li>
                    <p>${msg("vigi2faEnableScanStep3", vigiDigits?c)}</p>
                </li>
            </ol>
            <form id="vigi-scan-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="otp" class="${properties.kcLabelClass!}">${msg("vigi2faEnableCodeLabel", vigiDigits?c)}</label>
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
                           autocomplete="off" maxlength="${vigiAuthenticatorNameMax?c}" value="${vigiAuthenticatorName!''}"
                           aria-describedby="vigi-name-hint"/>
                    <p id="vigi-name-hint" class="vigi-2fa-hint">${msg("vigi2faEnableNameHint")}</p>
                </div>
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!} vigi-2fa-buttons">
                    <button id="vigi-verify" name="verify" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnableVerify")}</button>
                    <#if isAppInitiatedAction??>
                        <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnableCancel")}</button>
                    </#if>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
