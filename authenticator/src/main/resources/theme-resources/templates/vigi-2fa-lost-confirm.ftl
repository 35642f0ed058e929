<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faLostConfirmTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-lost-confirm" class="vigi-2fa">
            <#if message?has_content && message.type = 'error' && !messagesPerField.existsError('password')>
                <div id="vigi-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert" aria-live="assertive">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
                </div>
            </#if>
            <p class="vigi-2fa-lead">${msg("vigi2faLostConfirmIntro", vigiUsername)}</p>
            <ul>
                <li>${msg("vigi2faLostConfirmRemoves")}</li>
                <li>${msg("vigi2faLostConfirmSignsOut")}</li>
                <li>${msg("vigi2faLostConfirmMail", vigiMaskedEmail)}</li>
            </ul>
            <form id="vigi-lost-confirm-form" action="${vigiConfirmUrl}" method="post">
                <input type="hidden" name="confirm" value="true"/>
                <input type="hidden" name="vigi_submit" value="${vigiSubmitId}"/>
                <#if vigiNeedsPassword>
                    <div class="${properties.kcFormGroupClass!}">
                        <p>${msg("vigi2faLostConfirmPasswordHint")}</p>
                        <label for="password" class="${properties.kcLabelClass!}">${msg("password")}</label>
                        <input id="password" name="password" type="password" class="${properties.kcInputClass!}"
                               autocomplete="current-password" autofocus required
                               aria-invalid="<#if messagesPerField.existsError('password')>true</#if>"
                               aria-describedby="input-error-password"/>
                        <#if messagesPerField.existsError('password')>
                            <span id="input-error-password" class="${properties.kcInputErrorMessageClass!}" role="alert" aria-live="polite">
                                ${kcSanitize(messagesPerField.get('password'))?no_esc}
                            </span>
                        </#if>
                    </div>
                </#if>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vigi-disable-confirm" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faLostConfirmSubmit")}</button>
                </div>
            </form>
            <#-- the other answer: nothing changes, the link stays unused until it expires -->
            <a id="vigi-keep-on" href="${vigiSignInUrl}"
               class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faLostConfirmKeep")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
