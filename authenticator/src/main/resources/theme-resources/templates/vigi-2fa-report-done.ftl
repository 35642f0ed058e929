<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faReportDoneTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-report-done" class="vigi-2fa">
            <div role="status" aria-live="polite">
                <p class="vigi-2fa-lead">${msg("vigi2faReportDoneIntro")}</p>
                <p>${msg((vigiReportHasCode!true)?then("vigi2faReportDoneNext", "vigi2faReportDoneNextNoCode"))}</p>
            </div>
            <a id="vigi-sign-in" href="${vigiSignInUrl}"
               class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faSignIn")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
