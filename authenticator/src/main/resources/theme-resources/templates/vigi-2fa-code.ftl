<#import "template.ftl" as layout>
<#import "vigi-2fa-code-input.ftl" as code>
<#-- The page shows its own message (below) so that it is announced: role="alert" under any theme. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faCodeTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-code" class="vigi-2fa">
            <#if message?has_content && !messagesPerField.existsError('totp')>
                <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}"
                     role="<#if message.type = 'error' || message.type = 'warning'>alert<#else>status</#if>">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
                </div>
            </#if>
            <p class="vigi-2fa-lead">${msg(vigiCodeIntro!"vigi2faCodeIntro")}</p>
            <form id="kc-otp-login-form" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="otp" class="${properties.kcLabelClass!}">${msg("vigi2faCodeLabel")}</label>
                    <@code.field describedBy="input-error-otp-code" invalid=messagesPerField.existsError('totp')/>
                    <#if messagesPerField.existsError('totp')>
                        <span id="input-error-otp-code" class="${properties.kcInputErrorMessageClass!}" role="alert" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('totp'))?no_esc}
                        </span>
                    </#if>
                </div>
                <#-- "Don't ask again on this device": only when this sign-in may remember the browser -->
                <#if vigiTrustDays??>
                <div class="${properties.kcFormGroupClass!} vigi-trust-device">
                    <input id="vigi-trust-device" name="vigi-trust-device" type="checkbox" value="on" aria-describedby="vigi-trust-device-hint"/>
                    <label for="vigi-trust-device">${msg("vigi2faTrustDevice", vigiTrustDays)}</label>
                    <div id="vigi-trust-device-hint" class="vigi-hint">${msg("vigi2faTrustDeviceHint")}</div>
                </div>
                </#if>
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                            name="login" id="kc-login" type="submit">${msg("vigi2faCodeSubmit")}</button>
                </div>
            </form>
            <#-- only for a user with recovery codes left -->
            <#if vigiRecoveryOffered!false>
            <form id="vigi-recovery-use-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="use-recovery-code" value="true"/>
                <button id="vigi-recovery-use" type="submit" class="vigi-link-button">${msg("vigi2faRecoveryUseLink")}</button>
            </form>
            </#if>
            <#-- not in the reset flow: the lost-phone path needs the password that is being reset -->
            <#if vigiLostPhoneOffered!true>
            <form id="vigi-lost-phone-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="lost-phone" value="true"/>
                <button id="vigi-lost-phone" type="submit" class="vigi-link-button">${msg("vigi2faLostPhoneLink")}</button>
            </form>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
