<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faLostDoneTitle")}
    <#elseif section = "form">
        <div id="vigi-2fa-lost-done" class="vigi-2fa" role="status" aria-live="polite">
            <p class="vigi-2fa-lead">${msg("vigi2faLostDoneIntro")}</p>
            <p>${msg("vigi2faLostDoneNext")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
