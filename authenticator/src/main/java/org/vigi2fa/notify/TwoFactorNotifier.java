package org.vigi2fa.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * The security mails: 2FA turned on / off / moved to a new phone, password changed (to the account's address), e-mail changed (to the old
 * one). All of them leave after the request's transaction commits, off the request path ({@link #send}).
 */
public final class TwoFactorNotifier {

    private static final Logger LOG = Logger.getLogger(TwoFactorNotifier.class);

    private TwoFactorNotifier() {
    }

    /** Tells the user 2FA was turned on (after commit; a mail failure is logged and recorded, the change stands). */
    public static boolean turnedOn(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, null, NotifyIds.MSG_SUBJECT_ENABLED, NotifyIds.TPL_MAIL_ENABLED, Map.of());
    }

    /** Tells the user 2FA was turned off. */
    public static boolean turnedOff(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, null, NotifyIds.MSG_SUBJECT_DISABLED, NotifyIds.TPL_MAIL_DISABLED, Map.of());
    }

    /** Tells the user an administrator turned 2FA off (the help desk's reset); the mail says who did it. */
    public static boolean turnedOffByAdministrator(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, null, NotifyIds.MSG_SUBJECT_DISABLED, NotifyIds.TPL_MAIL_DISABLED, Map.of(NotifyIds.MAIL_BY_ADMINISTRATOR, true));
    }

    /** Tells the user 2FA moved to another authenticator app: a new phone, or someone who held the password and a code. */
    public static boolean movedToNewPhone(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, null, NotifyIds.MSG_SUBJECT_MOVED, NotifyIds.TPL_MAIL_MOVED, Map.of());
    }

    /** Tells the user the password was changed (also at the end of "forgot password"). */
    public static boolean passwordChanged(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, null, NotifyIds.MSG_SUBJECT_PASSWORD_CHANGED, NotifyIds.TPL_MAIL_PASSWORD_CHANGED, Map.of());
    }

    /** Tells the user a browser now skips the code ("Don't ask again on this device"), naming it and for how long. */
    public static boolean trustedDeviceAdded(KeycloakSession session, RealmModel realm, UserModel user, String device, int days) {
        return send(session, realm, user, null, NotifyIds.MSG_SUBJECT_TRUSTED_DEVICE, NotifyIds.TPL_MAIL_TRUSTED_DEVICE,
                Map.of(NotifyIds.MAIL_DEVICE, device, NotifyIds.MAIL_DAYS, days));
    }

    /**
     * Tells the previous address that the account's mail now goes elsewhere; the new address is shown masked, so a
     * reader of the old mailbox learns no more than that it changed.
     */
    public static boolean emailChanged(KeycloakSession session, RealmModel realm, UserModel user, String previousEmail) {
        if (previousEmail == null || previousEmail.isBlank() || previousEmail.equalsIgnoreCase(user.getEmail())) {
            return false;
        }
        UserModel atPreviousAddress = new UserModelDelegate(user) {
            @Override
            public String getEmail() {
                return previousEmail;
            }
        };
        return send(session, realm, atPreviousAddress, null, NotifyIds.MSG_SUBJECT_EMAIL_CHANGED, NotifyIds.TPL_MAIL_EMAIL_CHANGED,
                Map.of(NotifyIds.MAIL_MASKED_NEW_EMAIL, EmailMask.mask(user.getEmail())));
    }

    /** Tells the user a recovery code signed in (a lost phone, or someone holding the codes), with how many are left. */
    public static boolean recoveryCodeUsed(KeycloakSession session, RealmModel realm, UserModel user, int left) {
        return send(session, realm, user, null, NotifyIds.MSG_SUBJECT_RECOVERY_USED, NotifyIds.TPL_MAIL_RECOVERY_USED, Map.of("left", left));
    }

    /**
     * Mails the account's own address a VIGI template (html + text) in the user's language, after the current
     * transaction commits and off the request path (Keycloak's executor {@value NotifyIds#MAIL_EXECUTOR}): the page
     * does not wait for SMTP, and a change that rolls back mails nothing. A mail that then fails is logged and recorded
     * as a {@code CUSTOM_REQUIRED_ACTION_ERROR} event ({@code email_send_failed}, detail {@value NotifyIds#DETAIL_MAIL}
     * naming the template). Every security mail goes this way; {@code authSession} is not used here (the locale is
     * taken from the request). {@code extra} travels to another thread and session: plain values (text, numbers,
     * links made here), nothing that holds this request's session. Returns false when the user has no address, else
     * true (queued).
     */
    public static boolean send(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession,
            String subjectKey, String template, Map<String, Object> extra) {
        if (!hasAddress(user)) {
            return false;
        }
        AfterCommitMail.afterCommit(session, realm, user, subjectKey, template,
                MailLink.added(session, realm, user, template, attributes(user, extra)));
        return true;
    }

    /**
     * Like {@link #send} but at once, in the request, for a mail whose failure the user must be told about (the
     * lost-phone link). Returns false, after logging, when the user has no address or the mail could not be sent.
     */
    public static boolean sendNow(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession,
            String subjectKey, String template, Map<String, Object> extra) {
        if (!hasAddress(user)) {
            return false;
        }
        try {
            deliver(session, realm, user, authSession, subjectKey, template,
                    MailLink.added(session, realm, user, template, attributes(user, extra)));
            return true;
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send %s to user %s of realm %s", template, user.getId(), realm.getName());
            return false;
        }
    }

    /**
     * Renders and sends: the subject gets the realm's display name, the body {@code username}, the extra attributes
     * and what Keycloak's mail provider adds to every mail ({@code realmName}: the display name, else the capitalised
     * name).
     */
    static void deliver(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession,
            String subjectKey, String template, Map<String, Object> attributes) throws EmailException {
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user).setAuthenticationSession(authSession)
                    .send(subjectKey, List.of(displayName(realm)), template, new HashMap<>(attributes));
        } catch (EmailException | RuntimeException e) {
            VigiMetrics.mail(realm, template, false);
            throw e;
        }
        VigiMetrics.mail(realm, template, true);
    }

    private static boolean hasAddress(UserModel user) {
        return user.getEmail() != null && !user.getEmail().isBlank();
    }

    private static Map<String, Object> attributes(UserModel user, Map<String, Object> extra) {
        Map<String, Object> attributes = new HashMap<>(extra);
        attributes.put(NotifyIds.MAIL_USERNAME, user.getUsername());
        return attributes;
    }

    private static String displayName(RealmModel realm) {
        return realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
    }
}
