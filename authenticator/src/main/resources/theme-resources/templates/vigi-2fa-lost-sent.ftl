<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faLostSentTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-lost-sent" class="vigi-2fa">
            <div role="status" aria-live="polite">
                <p class="vigi-2fa-lead">${msg("vigi2faLostSentIntro")}</p>
                <p><strong id="vigi-masked-email">${vigiMaskedEmail}</strong></p>
                <p>${msg("vigi2faLostSentHint", vigiLinkMinutes?c)}</p>
            </div>
            <#-- the ways on: another link (the code step applies the cooldown and says when), or sign-in from the start -->
            <form id="vigi-lost-resend-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="lost-phone" value="true"/>
                <input type="hidden" name="lost-phone-mail" value="true"/>
                <#if (vigiResendSeconds!0) gt 0>
                    <p id="vigi-lost-resend-hint">${msg("vigi2faLostSentResendHint", vigiResendSeconds?c)}</p>
                </#if>
                <button id="vigi-lost-resend" type="submit"
                        class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("vigi2faLostSentResend")}</button>
                <#if (vigiResendSeconds!0) gt 0>
                    <#-- shown once the cooldown allows another link; without scripts it stays (the code step then says when) -->
                    <script>
                        (function () {
                            var resend = document.getElementById("vigi-lost-resend");
                            resend.style.display = "none";
                            setTimeout(function () { resend.style.display = ""; }, ${vigiResendSeconds?c} * 1000);
                        })();
                    </script>
                </#if>
            </form>
            <p><a id="vigi-back-to-sign-in" href="${url.loginRestartFlowUrl}">${msg("vigi2faBackToSignIn")}</a></p>
        </div>
    </#if>
</@layout.registrationLayout>
