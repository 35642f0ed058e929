<#import "template.ftl" as layout>
<#import "vigi-2fa-code-input.ftl" as code>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faDisableTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-disable" class="vigi-2fa">
            <#if message?has_content && message.type = 'error' && !messagesPerField.existsError('password','otp')>
                <div id="vigi-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert" aria-live="assertive">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
                </div>
            </#if>
            <form id="vigi-disable-form" action="${url.loginAction}" method="post">
                <#if !(vigiNotOn!false)>
                    <p class="vigi-2fa-lead">${msg("vigi2faDisableIntro")}</p>
                    <div class="${properties.kcFormGroupClass!}">
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
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="otp" class="${properties.kcLabelClass!}">${msg("vigi2faCodeLabel")}</label>
                        <@code.field describedBy="input-error-otp" invalid=messagesPerField.existsError('otp') autofocus=false/>
                        <#if messagesPerField.existsError('otp')>
                            <span id="input-error-otp" class="${properties.kcInputErrorMessageClass!}" role="alert" aria-live="polite">
                                ${kcSanitize(messagesPerField.get('otp'))?no_esc}
                            </span>
                        </#if>
                    </div>
                </#if>
                <div class="${properties.kcFormGroupClass!}">
                    <#if !(vigiNotOn!false)>
                        <button id="vigi-disable-submit" type="submit"
                                class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faDisableSubmit")}</button>
                    </#if>
                    <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                            class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("doCancel")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
