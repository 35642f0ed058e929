package org.vigi2fa.activity;

import java.util.Map;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.VigiIds;

/**
 * Turns the security events Keycloak records into activity rows, whichever page or API caused them: every successful
 * event the product marks with {@link VigiIds#EVENT_DETAIL} (2FA on or off and by whom, recovery codes, trusted
 * devices, the lost-phone link, "This wasn't me"), a password change and a verified e-mail change. Sign-ins are
 * recorded by the steps that let them through (the code, a recovery code, a trusted device), not from LOGIN events.
 */
public final class ActivityRecorder {

    /** Session-attribute prefix (the session lives as long as the request) of a kind already recorded for a user. */
    private static final String ONCE_PER_REQUEST = "vigi-2fa.activity.recorded.";

    private ActivityRecorder() {
    }

    /** Whether this successful user event is recorded. */
    public static boolean concerns(Event event) {
        return kind(event) != null;
    }

    /**
     * Records the event, once a request for its kind and user: Keycloak reports some changes twice (a required action's
     * own event carries the detail of the change it made), and one change is one row.
     */
    public static void onUserEvent(KeycloakSession session, RealmModel realm, UserModel user, Event event) {
        String kind = kind(event);
        String once = ONCE_PER_REQUEST + kind + "." + user.getId();
        if (kind != null && session.getAttribute(once) == null) {
            session.setAttribute(once, Boolean.TRUE);
            Map<String, String> details = event.getDetails();
            SecurityActivity.record(session, realm, user, kind, event.getClientId(), details == null ? null : details.get(Details.CREDENTIAL_ID));
        }
    }

    private static String kind(Event event) {
        Map<String, String> details = event.getDetails();
        String marked = details == null ? null : details.get(VigiIds.EVENT_DETAIL);
        if (event.getType() == EventType.UPDATE_EMAIL) {
            return ActivityIds.KIND_EMAIL_CHANGED;
        }
        if (event.getType() == EventType.UPDATE_CREDENTIAL && details != null
                && PasswordCredentialModel.TYPE.equals(details.get(Details.CREDENTIAL_TYPE))) {
            return ActivityIds.KIND_PASSWORD_CHANGED;
        }
        return marked == null || event.getType() == EventType.LOGIN ? null : marked;
    }
}
