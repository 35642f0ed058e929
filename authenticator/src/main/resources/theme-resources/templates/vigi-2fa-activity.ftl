<#import "template.ftl" as layout>
<#-- "Recent security activity" from account settings: the user's own rows of the last 30 days, newest first, paged.
     Times come as UTC text from the server; the script below shows them in the browser's time zone. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigi2faActivityTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/vigi-2fa-pages.css"/>
        <div id="vigi-2fa-activity" class="vigi-2fa" data-lang="${(locale.currentLanguageTag)!''}">
            <p class="vigi-2fa-lead">${msg("vigi2faActivityIntro")}</p>
            <#if (vigiActivityRows![])?has_content>
                <ol id="vigi-activity-rows" class="vigi-2fa-activity">
                    <#list vigiActivityRows as row>
                        <li class="vigi-2fa-activity-row" data-kind="${row.kind}">
                            <span class="vigi-2fa-activity-kind">${msg(row.kind)}</span>
                            <time class="vigi-2fa-activity-time" datetime="${row.instant}" title="${row.utc}">${row.utc}</time>
                            <span class="vigi-2fa-activity-where"><#if row.application?has_content>${row.application}</#if><#if row.device?has_content><#if row.application?has_content> · </#if>${row.device}</#if><#if row.ipAddress?has_content> · ${msg("vigi2faActivityAddress", row.ipAddress)}</#if></span>
                            <#if row.reportable && vigiReportLink??>
                                <a class="vigi-2fa-activity-report" href="${vigiReportLink}">${msg("vigi2faActivityNotMe")}</a>
                            </#if>
                        </li>
                    </#list>
                </ol>
            <#else>
                <p id="vigi-activity-empty">${msg("vigi2faActivityEmpty")}</p>
            </#if>
            <form id="vigi-activity-form" action="${url.loginAction}" method="post">
                <#if (vigiActivityNewer!false) || (vigiActivityOlder!false)>
                    <div class="vigi-2fa-activity-pages">
                        <#if vigiActivityNewer!false>
                            <button id="vigi-activity-newer" name="page" value="${(vigiActivityPage - 1)?c}" type="submit"
                                    class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}">${msg("vigi2faActivityNewer")}</button>
                        </#if>
                        <#if vigiActivityOlder!false>
                            <button id="vigi-activity-older" name="page" value="${(vigiActivityPage + 1)?c}" type="submit"
                                    class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}">${msg("vigi2faActivityOlder")}</button>
                        </#if>
                    </div>
                </#if>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vigi-activity-back" name="back" value="true" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("vigi2faActivityBack")}</button>
                </div>
            </form>
        </div>
        <script>
            (function () {
                var page = document.getElementById("vigi-2fa-activity");
                var format;
                try {
                    format = new Intl.DateTimeFormat(page.getAttribute("data-lang") || undefined, {dateStyle: "medium", timeStyle: "short"});
                } catch (e) {
                    return; // the UTC text stays
                }
                page.querySelectorAll("time[datetime]").forEach(function (time) {
                    var when = new Date(time.getAttribute("datetime"));
                    if (!isNaN(when.getTime())) {
                        time.textContent = format.format(when);
                    }
                });
            })();
        </script>
    </#if>
</@layout.registrationLayout>
