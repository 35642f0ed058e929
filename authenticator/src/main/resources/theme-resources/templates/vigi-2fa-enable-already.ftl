<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("vigi2faEnableAlreadyTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-enable-already" class="vigi-2fa">
            <p id="vigi-already-text" class="vigi-2fa-lead" role="status">${msg("vigi2faEnableAlreadyText")}</p>
            <form id="vigi-enable-already-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                    <#if vigiMoveOffered!false>
                        <button id="vigi-move" name="move" value="true" type="submit"
                                class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnableAlreadyMove")}</button>
                    </#if>
                    <button id="vigi-back" name="done" value="true" type="submit"
                            class="${properties.kcButtonClass!} <#if vigiMoveOffered!false>${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!}<#else>${properties.kcButtonPrimaryClass!}</#if> ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faEnableAlreadyBack")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
