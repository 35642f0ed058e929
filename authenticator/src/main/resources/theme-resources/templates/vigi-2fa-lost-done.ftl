<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faLostDoneTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-lost-done" class="vigi-2fa" role="status" aria-live="polite">
            <p class="vigi-2fa-lead">${msg("vigi2faLostDoneIntro")}</p>
            <p>${msg("vigi2faLostDoneNext")}</p>
            <#if client?? && client.baseUrl?has_content>
                <p><a id="vigi-back-to-app" href="${client.baseUrl}">${kcSanitize(msg("backToApplication"))?no_esc}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
