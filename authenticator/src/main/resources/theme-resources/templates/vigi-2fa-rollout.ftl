<#import "template.ftl" as layout>
<#-- The rollout policy asks a covered user without 2FA to turn it on. The deadline comes as UTC text from the server;
     the script below shows it in the browser's time zone and language. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faRolloutTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-rollout" class="vigi-2fa" data-lang="${(locale.currentLanguageTag)!''}">
            <p id="vigi-rollout-text" class="vigi-2fa-lead" role="status">${msg("vigi2faRolloutText", realm.displayName!realm.name)}</p>
            <#if vigiRolloutDeadline??>
                <p id="vigi-rollout-deadline">${msg("vigi2faRolloutDeadline")} <strong><time datetime="${vigiRolloutDeadline}" title="${vigiRolloutDeadlineUtc}">${vigiRolloutDeadlineUtc}</time></strong></p>
            </#if>
            <p id="vigi-rollout-how">${msg("vigi2faNeededHow")}</p>
            <p id="vigi-rollout-after"><#if vigiRolloutLeft gt 0>${msg("vigi2faRolloutAfter")}<#else>${msg("vigi2faRolloutNoneLeft")}</#if></p>
            <form id="vigi-rollout-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div id="kc-form-buttons" class="${properties.kcFormGroupClass!} vigi-2fa-buttons">
                    <button id="vigi-rollout-now" name="now" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faRolloutNow")}</button>
                    <#if vigiRolloutLeft gt 0>
                        <button id="vigi-rollout-later" name="later" value="true" type="submit"
                                class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faRolloutLater", vigiRolloutLeft?c)}</button>
                    </#if>
                </div>
            </form>
        </div>
        <script>
            (function () {
                var page = document.getElementById("vigi-2fa-rollout");
                var time = page.querySelector("time[datetime]");
                if (!time) {
                    return;
                }
                try {
                    var when = new Date(time.getAttribute("datetime"));
                    var format = new Intl.DateTimeFormat(page.getAttribute("data-lang") || undefined, {dateStyle: "long", timeStyle: "short"});
                    if (!isNaN(when.getTime())) {
                        time.textContent = format.format(when);
                    }
                } catch (e) {
                    // the UTC text stays
                }
            })();
        </script>
    </#if>
</@layout.registrationLayout>
