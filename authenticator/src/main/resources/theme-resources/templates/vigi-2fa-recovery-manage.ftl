<#import "template.ftl" as layout>
<#-- Recovery codes in account settings and the low-count reminder: codes left, "generate new codes". -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faRecoveryManageTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-recovery-manage" class="vigi-2fa">
            <#if message?has_content && message.type = 'error' && !messagesPerField.existsError('password','second')>
                <div id="vigi-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
                </div>
            </#if>
            <form id="vigi-recovery-manage-form" action="${url.loginAction}" method="post">
                <#if !(vigiNotOn!false)>
                    <p class="vigi-2fa-lead" id="vigi-recovery-left"><#if (vigiRecoveryTotal!0) gt 0>${msg("vigi2faRecoveryLeft", vigiRecoveryLeft?c, vigiRecoveryTotal?c)}<#else>${msg("vigi2faRecoveryNone")}</#if></p>
                    <#if (vigiRecoveryTotal!0) gt 0 && (vigiRecoveryLow!false)>
                        <div id="vigi-recovery-low" class="${properties.kcAlertClass!} pf-m-warning" role="status">
                            <span class="${properties.kcAlertTitleClass!}">${msg("vigi2faRecoveryLowWarning")}</span>
                        </div>
                    </#if>
                    <p>${msg("vigi2faRecoveryManageIntro")}</p>
                    <#if vigiRecoveryNeedsProof!true>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="password" class="${properties.kcLabelClass!}">${msg("password")}</label>
                        <input id="password" name="password" type="password" class="${properties.kcInputClass!}"
                               autocomplete="current-password" autofocus required
                               aria-invalid="<#if messagesPerField.existsError('password')>true</#if>" aria-describedby="input-error-password"/>
                        <#if messagesPerField.existsError('password')>
                            <span id="input-error-password" class="${properties.kcInputErrorMessageClass!}" role="alert">${kcSanitize(messagesPerField.get('password'))?no_esc}</span>
                        </#if>
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="second" class="${properties.kcLabelClass!}">${msg("vigi2faRecoverySecondLabel")}</label>
                        <input id="second" name="second" type="text" class="${properties.kcInputClass!}"
                               autocomplete="one-time-code" spellcheck="false" required
                               aria-invalid="<#if messagesPerField.existsError('second')>true</#if>" aria-describedby="input-error-second"/>
                        <#if messagesPerField.existsError('second')>
                            <span id="input-error-second" class="${properties.kcInputErrorMessageClass!}" role="alert">${kcSanitize(messagesPerField.get('second'))?no_esc}</span>
                        </#if>
                    </div>
                    </#if>
                </#if>
                <div class="${properties.kcFormGroupClass!}">
                    <#if !(vigiNotOn!false)>
                        <button id="vigi-recovery-generate" name="generate" value="true" type="submit"
                                class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faRecoveryGenerate")}</button>
                    </#if>
                    <#if isAppInitiatedAction??>
                        <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("doCancel")}</button>
                    <#elseif (vigiRecoverySkippable!true) || (vigiNotOn!false)>
                        <button id="vigi-recovery-skip" name="skip" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faRecoveryLater")}</button>
                    </#if>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
