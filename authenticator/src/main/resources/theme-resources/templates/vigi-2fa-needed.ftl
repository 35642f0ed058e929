<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faNeededTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-needed" class="vigi-2fa">
            <p id="vigi-needed-text" class="vigi-2fa-lead" role="status">${msg("vigi2faNeededText", vigiClientName)}</p>
            <p id="vigi-needed-how">${msg("vigi2faNeededHow")}</p>
            <form id="vigi-needed-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                    <button id="vigi-needed-enable" name="enable" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faNeededEnable")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
