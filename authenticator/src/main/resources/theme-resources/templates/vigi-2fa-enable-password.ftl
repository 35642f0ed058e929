<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password'); section>
    <#if section = "header">
        ${msg("vigi2faEnablePasswordTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-enable-password" class="vigi-2fa">
            <p class="vigi-2fa-lead">${msg("vigi2faEnablePasswordIntro", vigiUsername)}</p>
            <form id="vigi-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <#-- Lets password managers match the account; never read by the server. -->
                <input type="text" name="username" value="${vigiUsername}" autocomplete="username" hidden aria-hidden="true" readonly/>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="password" class="${properties.kcLabelClass!}">${msg("vigi2faEnablePasswordLabel")}</label>
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
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!} vigi-2fa-buttons">
                    <button id="vigi-password-submit" name="confirm" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnablePasswordSubmit")}</button>
                    <#if isAppInitiatedAction??>
                        <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnableCancel")}</button>
                    </#if>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
