package org.vigi2fa.report;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.link.ConfirmedLinkHandler;
import org.vigi2fa.notify.MailLink;

/** Opens the "This wasn't me" link (its confirm secures the account: {@link NotMeReport}) and makes it for every security mail. */
public final class ReportActionTokenHandler extends ConfirmedLinkHandler<ReportActionToken> implements MailLink {

    public ReportActionTokenHandler() {
        super(ReportActionToken.TOKEN_TYPE, ReportActionToken.class, EventType.CUSTOM_REQUIRED_ACTION,
                new Texts(ReportIds.CLAIM_KEY_PREFIX, ReportIds.MSG_STALE, ReportIds.MSG_USED));
    }

    @Override
    protected EventBuilder describe(EventBuilder event, ReportActionToken token) {
        return event.detail(VigiIds.EVENT_DETAIL, ReportIds.EVENT_REPORTED).detail(ReportIds.DETAIL_MAIL_KIND, token.getKind());
    }

    @Override
    protected Response confirmPage(ActionTokenContext<ReportActionToken> tokenContext, ReportActionToken token, UserModel user) {
        return ReportPages.confirm(tokenContext, user, NotMeReport.closesLostPhone(token.getKind()));
    }

    @Override
    protected Response donePage(ActionTokenContext<ReportActionToken> tokenContext, UserModel user) {
        return ReportPages.done(tokenContext, user);
    }

    /** Every security mail's link to this handler ({@link ReportLink}). */
    @Override
    public Map<String, Object> addTo(KeycloakSession session, RealmModel realm, UserModel user, String template,
            Map<String, Object> attributes) {
        return ReportLink.addTo(session, realm, user, template, attributes);
    }

    @Override
    protected void apply(ActionTokenContext<ReportActionToken> tokenContext, ReportActionToken token, UserModel user, EventBuilder event) {
        NotMeReport.apply(tokenContext.getSession(), tokenContext.getRealm(), user, token.getKind(), event);
    }
}
