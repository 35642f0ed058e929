<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faNeededTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-needed" class="vigi-2fa">
            <p id="vigi-needed-text" class="vigi-2fa-lead" role="status">${msg("vigi2faNeededText", vigiClientName)}</p>
            <p id="vigi-needed-how">${msg("vigi2faNeededHow")}</p>
            <p id="vigi-needed-decline-hint">${msg("vigi2faNeededDeclineHint", vigiClientName)}</p>
            <form id="vigi-needed-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!} vigi-2fa-buttons">
                    <button id="vigi-needed-enable" name="enable" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faNeededEnable")}</button>
                    <#-- the application gets its answer (unmet_authentication_requirements) instead of waiting -->
                    <button id="vigi-needed-decline" name="decline" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faNeededDecline")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
