<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faLostDoneTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-lost-done" class="vigi-2fa">
            <div role="status" aria-live="polite">
                <p class="vigi-2fa-lead">${msg("vigi2faLostDoneIntro")}</p>
                <p>${msg("vigi2faLostDoneNext")}</p>
            </div>
            <a id="vigi-sign-in" href="${vigiSignInUrl}"
               class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faSignIn")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
