package org.vigi2fa.enrol;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;

/**
 * With 2FA on, turning it on again (vigi-2fa-enable, Keycloak's CONFIGURE_TOTP, the console's set-up link) never adds a
 * second authenticator: the "already on" page offers moving it to a new phone, and from there this turn-on hands every
 * request to the move action. That action lives above enrol, so it is found by its id in Keycloak's registry.
 */
final class MoveDoor {

    private MoveDoor() {
    }

    /** Whether this session chose the move on the "already on" page. */
    static boolean entered(AuthenticationSessionModel authSession) {
        return EnrolIds.STEP_MOVE.equals(authSession.getAuthNote(EnrolIds.AUTH_NOTE_STEP));
    }

    /** "Move to a new phone" on the "already on" page: from now on the move's pages; false when it is not deployed. */
    static boolean enter(RequiredActionContext context) {
        RequiredActionProvider move = move(context.getSession());
        if (move == null) {
            return false;
        }
        context.getAuthenticationSession().setAuthNote(EnrolIds.AUTH_NOTE_STEP, EnrolIds.STEP_MOVE);
        move.requiredActionChallenge(context);
        return true;
    }

    static void challenge(RequiredActionContext context) {
        move(context.getSession()).requiredActionChallenge(context);
    }

    static void process(RequiredActionContext context) {
        move(context.getSession()).processAction(context);
    }

    /** Cancel while moving: the move forgets its proof and new secret as its own cancel does. */
    static void cancelled(KeycloakSession session, AuthenticationSessionModel authSession) {
        RequiredActionProvider move = move(session);
        if (move != null) {
            move.initiatedActionCanceled(session, authSession);
        }
    }

    /** Whether the move action is there to hand over to. */
    static boolean available(KeycloakSession session) {
        return move(session) != null;
    }

    private static RequiredActionProvider move(KeycloakSession session) {
        return session.getProvider(RequiredActionProvider.class, VigiIds.MOVE_ACTION);
    }
}
