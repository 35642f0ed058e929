<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("vigi2faEnableTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-enable-confirm" class="vigi-2fa">
            <p class="vigi-2fa-lead">${msg("vigi2faEnableIntro")}</p>
            <#if vigiApps?has_content>
                <p>${msg("vigi2faEnableAppsIntro")}</p>
                <ul id="vigi-guarded-apps" class="vigi-2fa-list">
                    <#list vigiApps as app>
                        <li>${app}</li>
                    </#list>
                </ul>
            </#if>
            <p>${msg("vigi2faEnableSteps")}</p>
            <form id="vigi-enable-confirm-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!} vigi-2fa-buttons">
                    <button id="vigi-continue" name="continue" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnableContinue")}</button>
                    <#if isAppInitiatedAction??>
                        <button id="vigi-cancel" name="cancel-aia" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnableCancel")}</button>
                    </#if>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
