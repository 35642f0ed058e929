<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faReportConfirmTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-report-confirm" class="vigi-2fa">
            <p class="vigi-2fa-lead">${msg("vigi2faReportConfirmIntro", vigiUsername)}</p>
            <ul>
                <li>${msg("vigi2faReportConfirmSignsOut")}</li>
                <li>${msg("vigi2faReportConfirmDevices")}</li>
                <li>${msg("vigi2faReportConfirmPassword")}</li>
                <#if vigiBlocksLostPhone>
                    <li>${msg("vigi2faReportConfirmLostPhone")}</li>
                </#if>
            </ul>
            <p>${msg("vigi2faReportConfirmKeeps")}</p>
            <form id="vigi-report-confirm-form" action="${vigiConfirmUrl}" method="post">
                <input type="hidden" name="confirm" value="true"/>
                <input type="hidden" name="vigi_submit" value="${vigiSubmitId}"/>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vigi-report-confirm" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faReportConfirmSubmit")}</button>
                </div>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
