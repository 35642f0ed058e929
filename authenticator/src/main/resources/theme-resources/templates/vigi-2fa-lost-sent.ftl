<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faLostSentTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-lost-sent" class="vigi-2fa" role="status" aria-live="polite">
            <p class="vigi-2fa-lead">${msg("vigi2faLostSentIntro")}</p>
            <p><strong id="vigi-masked-email">${vigiMaskedEmail}</strong></p>
            <p>${msg("vigi2faLostSentHint", vigiLinkMinutes?c)}</p>
        </div>
    </#if>
</@layout.registrationLayout>
