package org.vigi2fa.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.ApplicationName;
import org.vigi2fa.ShownTime;
import org.vigi2fa.VigiIds;
import org.vigi2fa.notify.MailLink;

/**
 * One page of the signed-in user's own rows of the last 30 days, newest first, as the template shows them: the time
 * (UTC text, and the instant for the page's script to show in the browser's zone), the kind in plain words, the
 * application by its name, the device and the address, and whether "This wasn't me" fits the row.
 */
final class ActivityPage {

    /** Template name of the report link's mails, so the report names where it came from ("activity"). */
    private static final String REPORT_SOURCE = "vigi-2fa-activity.ftl";

    private ActivityPage() {
    }

    static Response render(RequiredActionContext context, int page) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        long since = Time.currentTimeMillis() - ActivityIds.PAGE_DAYS * 86_400_000L;
        // one row more than shown tells whether an older page exists
        List<Activity> rows = SecurityActivity.recent(session, realm, user.getId(), since,
                page * ActivityIds.PAGE_SIZE, ActivityIds.PAGE_SIZE + 1);
        Locale locale = ShownTime.localeOf(session, user);
        Properties messages = ApplicationName.loginMessages(session, realm, locale);
        List<Map<String, Object>> shown = new ArrayList<>();
        rows.stream().limit(ActivityIds.PAGE_SIZE).forEach(row -> shown.add(shown(session, realm, row, locale, messages)));
        LoginFormsProvider form = context.form()
                .setAttribute(ActivityIds.ATTR_ROWS, shown)
                .setAttribute(ActivityIds.ATTR_PAGE, page)
                .setAttribute(ActivityIds.ATTR_OLDER, rows.size() > ActivityIds.PAGE_SIZE)
                .setAttribute(ActivityIds.ATTR_NEWER, page > 0);
        if (shown.stream().anyMatch(row -> Boolean.TRUE.equals(row.get("reportable")))) {
            Object link = MailLink.added(session, realm, user, REPORT_SOURCE, Map.of()).get(VigiIds.MAIL_REPORT_LINK);
            if (link != null) {
                form.setAttribute(VigiIds.MAIL_REPORT_LINK, link);
            }
        }
        return form.createForm(ActivityIds.TPL_PAGE);
    }

    /** The page number a form asked for: 0 (the newest) for anything that is not a small non-negative number. */
    static int pageNumber(String value) {
        try {
            int page = value == null ? 0 : Integer.parseInt(value.trim());
            return page < 0 || page > 1000 ? 0 : page;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, Object> shown(KeycloakSession session, RealmModel realm, Activity row, Locale locale, Properties messages) {
        String key = ActivityIds.MSG_KIND_PREFIX + row.kind();
        Map<String, Object> shown = new HashMap<>();
        shown.put("id", row.id());
        shown.put("instant", Instant.ofEpochMilli(row.createdAt()).toString());
        shown.put("utc", ShownTime.utc(row.createdAt(), locale));
        shown.put("kind", messages.containsKey(key) ? key : ActivityIds.MSG_KIND_OTHER);
        shown.put("application", row.clientId() == null ? "" : ApplicationName.of(session, realm, row.clientId(), locale));
        shown.put("device", row.device() == null ? "" : row.device());
        shown.put("ipAddress", row.ipAddress() == null ? "" : row.ipAddress());
        shown.put("reportable", ActivityKinds.reportable(row.kind()));
        return shown;
    }
}
