package org.vigi2fa.move;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.guard.CodeCheck;
import org.vigi2fa.guard.GuardIds;
import org.vigi2fa.notify.TwoFactorNotifier;
import org.vigi2fa.removal.TwoFactorRemoval;

/**
 * The end of a move, in the request's one transaction: the same OTP credential gets the new secret (its id, name and
 * creation date stay, so recovery codes, trusted devices and the activity rows that name it stay too), then every other
 * session and token ends, the event is recorded and the mail leaves after commit.
 */
final class MoveCommit {

    private MoveCommit() {
    }

    /** Replaces the secret once; false after showing why not (another move was first, or the code did not hold). */
    static boolean replace(RequiredActionContext context, CredentialModel current, OTPCredentialModel fresh, String name,
            String code, EventBuilder event) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!MoveClaim.claim(context.getSession(), MoveProof.of(user, current))) {
            // a twin from another tab, device or node replaced this secret first: one new secret, not two
            MoveFlow.clearNotes(authSession);
            event.detail(VigiIds.EVENT_DETAIL, MoveIds.EVENT_SCAN).error(Errors.INVALID_CODE);
            context.challenge(ProveStep.page(context, null, MoveIds.MSG_CHANGED));
            return false;
        }
        // a copy: the model read may be the user cache's own, which a rollback must find unchanged
        CredentialModel moved = new CredentialModel();
        moved.setId(current.getId());
        moved.setType(current.getType());
        moved.setCreatedDate(current.getCreatedDate());
        moved.setUserLabel(name != null ? name : current.getUserLabel());
        moved.setCredentialData(fresh.getCredentialData());
        moved.setSecretData(fresh.getSecretData());
        // the limit of wrong codes counts per authenticator until it is rebound: a new secret is a rebinding
        user.removeAttribute(GuardIds.USER_ATTR_WRONG_CODES);
        user.credentialManager().updateStoredCredential(moved);
        if (!CodeCheck.spend(user, moved.getId(), code)) {
            // the code held against the new secret a moment ago but not once stored (its period ended): nothing stays
            context.getSession().getTransactionManager().setRollbackOnly();
            NewPhoneStep.wrongCode(context, event);
            return false;
        }
        return true;
    }

    /** After the new secret is stored: other sessions end, this one goes on verified, event and mail. */
    static void finish(RequiredActionContext context, CredentialModel moved) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        MoveFlow.clearNotes(authSession);
        // whoever held the old phone's codes (or a session from before) is out. No not-before: it would also end the
        // trusted devices, which a move keeps (they were trusted by the same person, with the same credential)
        TwoFactorRemoval.endOtherSessions(session, realm, user, authSession.getParentSession().getId());
        authSession.setUserSessionNote(VigiIds.NOTE_2FA_CREDENTIAL, moved.getId());
        // Keycloak's login-actions endpoint records this event as success after context.success()
        context.getEvent().event(EventType.UPDATE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, moved.getId()).detail(VigiIds.EVENT_DETAIL, VigiIds.EVENT_MOVED);
        TwoFactorNotifier.movedToNewPhone(session, realm, user);
        context.success();
    }
}
