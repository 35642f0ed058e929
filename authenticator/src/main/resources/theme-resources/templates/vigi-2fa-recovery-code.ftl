<#import "template.ftl" as layout>
<#-- "Use a recovery code" from the code page, and the lost-phone page of a user who has codes left (vigiRecoveryLostPhone). -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faRecoveryInputTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-recovery-code" class="vigi-2fa">
            <#if message?has_content && !messagesPerField.existsError('recoveryCodeInput')>
                <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}" role="alert">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
                </div>
            </#if>
            <p class="vigi-2fa-lead" id="vigi-recovery-intro">${msg((vigiRecoveryLostPhone!false)?then("vigi2faRecoveryLostPhoneIntro", "vigi2faRecoveryInputIntro"), vigiRecoveryNumber?c)}</p>
            <form id="vigi-recovery-form" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="recoveryCodeInput" class="${properties.kcLabelClass!}">${msg("vigi2faRecoveryInputLabel", vigiRecoveryNumber?c)}</label>
                    <#-- no pattern or maxlength: the server accepts spaces, dashes and lower case and explains anything else -->
                    <input id="recoveryCodeInput" name="recoveryCodeInput" type="text" class="${properties.kcInputClass!}"
                           autocomplete="off" autocapitalize="characters" spellcheck="false" autofocus required
                           aria-invalid="<#if messagesPerField.existsError('recoveryCodeInput')>true</#if>"
                           aria-describedby="input-error-recovery-code"/>
                    <#if messagesPerField.existsError('recoveryCodeInput')>
                        <span id="input-error-recovery-code" class="${properties.kcInputErrorMessageClass!}" role="alert" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('recoveryCodeInput'))?no_esc}
                        </span>
                    </#if>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vigi-recovery-submit" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faRecoverySubmit")}</button>
                </div>
            </form>
            <#if vigiRecoveryLostPhone!false>
            <form id="vigi-lost-phone-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="lost-phone" value="true"/>
                <input type="hidden" name="lost-phone-mail" value="true"/>
                <button id="vigi-lost-phone-mail" type="submit" class="vigi-link-button">${msg("vigi2faRecoveryMailInstead")}</button>
            </form>
            </#if>
            <form id="vigi-recovery-back-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="back-to-code" value="true"/>
                <button id="vigi-recovery-back" type="submit" class="vigi-link-button">${msg("vigi2faRecoveryBack")}</button>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
