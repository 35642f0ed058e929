package org.vigi2fa.notify;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.UserModelDelegate;
import org.vigi2fa.VigiIds;

/**
 * One security mail, off the request path: captured in the request by ids and plain values (address, locale,
 * attributes), handed to a Keycloak-managed executor once the request's transaction has committed (nothing is told
 * about a change that rolled back), and rendered and sent there in a session of its own, with realm and user read
 * again by id. A failure is logged and recorded as an event; the user's page never waits for SMTP.
 */
final class AfterCommitMail {

    private static final Logger LOG = Logger.getLogger(AfterCommitMail.class);

    private final String realmId;
    private final String userId;
    private final String address;
    private final String subjectKey;
    private final String template;
    private final Map<String, Object> attributes;
    private final String locale;
    private final String clientId;
    private final String ipAddress;
    private final URI[] addresses;

    private AfterCommitMail(KeycloakSession session, RealmModel realm, UserModel user, String subjectKey, String template,
            Map<String, Object> attributes) {
        KeycloakContext context = session.getContext();
        this.realmId = realm.getId();
        this.userId = user.getId();
        this.address = user.getEmail();
        this.subjectKey = subjectKey;
        this.template = template;
        this.attributes = new HashMap<>(attributes);
        // Resolved here, where kc_locale, the locale cookie and Accept-Language are still at hand.
        this.locale = context.resolveLocale(user).toLanguageTag();
        ClientModel client = context.getClient();
        this.clientId = client == null ? null : client.getClientId();
        this.ipAddress = remoteHost(context);
        this.addresses = DetachedRequest.addressesOf(context.getHttpRequest());
    }

    /**
     * Queues the mail to go out after the current transaction commits. The executor and the session factory are
     * taken now, while the request is alive: the commit may run when the request's session is being destroyed (a
     * browser that dropped the connection), where the request's session and everything request-scoped is gone, so
     * the step after commit uses only what it holds.
     */
    static void afterCommit(KeycloakSession session, RealmModel realm, UserModel user, String subjectKey, String template,
            Map<String, Object> attributes) {
        AfterCommitMail mail = new AfterCommitMail(session, realm, user, subjectKey, template, attributes);
        Executor executor = session.getProvider(ExecutorsProvider.class).getExecutor(NotifyIds.MAIL_EXECUTOR);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                mail.submit(executor, factory);
            }

            @Override
            protected void rollbackImpl() {
                // the change did not happen: nothing to tell
            }
        });
    }

    /** Hands the mail to the executor; never throws, so the after-commit steps enlisted after it still run. */
    private void submit(Executor executor, KeycloakSessionFactory factory) {
        try {
            executor.execute(() -> runAlone(factory));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not queue %s for user %s of realm %s", template, userId, realmId);
        }
    }

    private void runAlone(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, this::send);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not send %s to user %s of realm %s", template, userId, realmId);
        }
    }

    /** Runs on the executor, in a session of its own: the context a request would give, then the mail. */
    private void send(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            LOG.debugf("Realm %s is gone; %s not sent", realmId, template);
            return;
        }
        session.getContext().setRealm(realm);
        if (addresses != null) {
            session.getContext().setHttpRequest(new DetachedRequest(addresses[0], addresses[1]));
        }
        // The locale selector takes a session-level "user requested" locale first when there is no auth session.
        session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, locale);
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            LOG.debugf("User %s of realm %s is gone; %s not sent", userId, realmId, template);
            return;
        }
        try {
            TwoFactorNotifier.deliver(session, realm, atCapturedAddress(user), null, subjectKey, template, attributes);
        } catch (EmailException | RuntimeException e) {
            LOG.warnf(e, "Could not send %s to user %s of realm %s", template, userId, realm.getName());
            recordFailure(session, realm);
        }
    }

    /** The address the request meant (the previous one for "e-mail changed"), whatever the user record says now. */
    private UserModel atCapturedAddress(UserModel user) {
        return new UserModelDelegate(user) {
            @Override
            public String getEmail() {
                return address;
            }
        };
    }

    private void recordFailure(KeycloakSession session, RealmModel realm) {
        new EventBuilder(realm, session).event(EventType.CUSTOM_REQUIRED_ACTION).user(userId).client(clientId)
                .ipAddress(ipAddress).detail(VigiIds.EVENT_DETAIL, NotifyIds.EVENT_MAIL_FAILED).detail(NotifyIds.DETAIL_MAIL, template)
                .error(Errors.EMAIL_SEND_FAILED);
    }

    /** The caller's address for the failure event, like Keycloak's events; none outside an HTTP request. */
    private static String remoteHost(KeycloakContext context) {
        try {
            return context.getConnection() == null ? null : context.getConnection().getRemoteHost();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
