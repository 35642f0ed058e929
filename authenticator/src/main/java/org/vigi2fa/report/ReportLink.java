package org.vigi2fa.report;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.notify.PublicAddress;

/**
 * Makes the "This wasn't me" link of one security mail, in the request that sends it (the signed URL is a plain value
 * that may then travel to the mail executor).
 */
public final class ReportLink {

    private static final String TEMPLATE_PREFIX = "vigi-2fa-";
    private static final String TEMPLATE_SUFFIX = ".ftl";
    private static final Logger LOG = Logger.getLogger(ReportLink.class);

    private ReportLink() {
    }

    /** The mail attributes plus the link and its lifetime in days; unchanged when no link can be made. */
    public static Map<String, Object> addTo(KeycloakSession session, RealmModel realm, UserModel user, String template,
            Map<String, Object> attributes) {
        int days = TwoFactorSettings.of(session, realm).reportLinkDays();
        String link = link(session, realm, user, template, days);
        if (link == null) {
            return attributes;
        }
        Map<String, Object> withLink = new HashMap<>(attributes);
        withLink.put(VigiIds.MAIL_REPORT_LINK, link);
        withLink.put(ReportIds.MAIL_LINK_DAYS, days);
        return withLink;
    }

    /** The signed link, or null outside an HTTP request, without a fixed public address, or when it cannot be made. */
    private static String link(KeycloakSession session, RealmModel realm, UserModel user, String template, int days) {
        try {
            UriInfo uri = session.getContext().getHttpRequest() == null ? null : session.getContext().getUri();
            if (uri == null || PublicAddress.followsRequests(session)) {
                // never a link that the request's Host header could point elsewhere
                return null;
            }
            ReportActionToken token = new ReportActionToken(user.getId(), Time.currentTime() + days * 86_400, kindOf(template));
            return LoginActionsService.actionTokenProcessor(uri)
                    .queryParam(Constants.KEY, token.serialize(session, realm, uri))
                    .build(realm.getName()).toString();
        } catch (RuntimeException e) {
            // the security mail matters more than its link: it still goes, without the block
            LOG.warnf(e, "No \"This wasn't me\" link for %s to user %s of realm %s", template, user.getId(), realm.getName());
            return null;
        }
    }

    /** "vigi-2fa-email-changed.ftl" → "email-changed". */
    static String kindOf(String template) {
        String kind = template.startsWith(TEMPLATE_PREFIX) ? template.substring(TEMPLATE_PREFIX.length()) : template;
        return kind.endsWith(TEMPLATE_SUFFIX) ? kind.substring(0, kind.length() - TEMPLATE_SUFFIX.length()) : kind;
    }
}
