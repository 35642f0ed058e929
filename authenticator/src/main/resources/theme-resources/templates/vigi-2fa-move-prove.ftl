<#import "template.ftl" as layout>
<#-- Moving 2FA to a new phone, first page: the password and the old phone's code or a recovery code. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faMoveTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-move-prove" class="vigi-2fa">
            <#if message?has_content && message.type = 'error' && !messagesPerField.existsError('password','proof')>
                <div id="vigi-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert" aria-live="assertive">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
                </div>
            </#if>
            <form id="vigi-move-prove-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <#if !(vigiNotOn!false)>
                    <p class="vigi-2fa-lead">${msg("vigi2faMoveIntro")}</p>
                    <p id="vigi-move-keeps">${msg("vigi2faMoveKeeps")}</p>
                    <#-- Lets password managers match the account; never read by the server. -->
                    <input type="text" name="username" value="${vigiUsername}" autocomplete="username" hidden aria-hidden="true" readonly/>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="password" class="${properties.kcLabelClass!}">${msg("password")}</label>
                        <input id="password" name="password" type="password" class="${properties.kcInputClass!}"
                               autocomplete="current-password" autofocus required
                               aria-invalid="<#if messagesPerField.existsError('password')>true</#if>" aria-describedby="input-error-password"/>
                        <#if messagesPerField.existsError('password')>
                            <span id="input-error-password" class="${properties.kcInputErrorMessageClass!}" role="alert" aria-live="polite">${kcSanitize(messagesPerField.get('password'))?no_esc}</span>
                        </#if>
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="proof" class="${properties.kcLabelClass!}">${msg("vigi2faMoveSecondLabel")}</label>
                        <input id="proof" name="proof" type="text" class="${properties.kcInputClass!}"
                               autocomplete="one-time-code" spellcheck="false" autocapitalize="characters" maxlength="64" required
                               aria-invalid="<#if messagesPerField.existsError('proof')>true</#if>" aria-describedby="vigi-proof-hint input-error-proof"/>
                        <p id="vigi-proof-hint" class="vigi-2fa-hint">${msg("vigi2faMoveSecondHint")}</p>
                        <p id="vigi-move-no-way" class="vigi-2fa-hint">${msg("vigi2faMoveNoWay")}</p>
                        <#if messagesPerField.existsError('proof')>
                            <span id="input-error-proof" class="${properties.kcInputErrorMessageClass!}" role="alert" aria-live="polite">${kcSanitize(messagesPerField.get('proof'))?no_esc}</span>
                        </#if>
                    </div>
                </#if>
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!} vigi-2fa-buttons">
                    <#if !(vigiNotOn!false)>
                        <button id="vigi-move-prove-submit" name="prove" value="true" type="submit"
                                class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faMoveProveSubmit")}</button>
                    </#if>
                    <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                            class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("doCancel")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
