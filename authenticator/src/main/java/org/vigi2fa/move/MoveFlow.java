package org.vigi2fa.move;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;

/**
 * Moving 2FA to a new phone: sends each request to the step the session is at (ProveStep, then NewPhoneStep). The
 * step, the proof and the new secret live in authentication-session notes, so nothing is stored before the new code
 * is right, and the old phone keeps working until then (also when the flow is cancelled or abandoned).
 */
public final class MoveFlow {

    private MoveFlow() {
    }

    /** Shows the page of the current step (a reload shows the same page, with the same new secret). */
    public static void challenge(RequiredActionContext context) {
        if (NewPhoneStep.once(context).done(context.getSession())) {
            // a twin of this page's code submit arrived once that one had moved the authenticator: done, as it said
            context.success();
            return;
        }
        CredentialModel current = MoveProof.current(context.getUser());
        if (current == null) {
            clearNotes(context.getAuthenticationSession());
            context.challenge(ProveStep.notOn(context));
        } else if (atNewPhone(context, current)) {
            context.challenge(NewPhoneStep.page(context, null));
        } else {
            context.getAuthenticationSession().setAuthNote(MoveIds.AUTH_NOTE_STEP, MoveIds.STEP_PROVE);
            context.challenge(ProveStep.page(context, null, null));
        }
    }

    /** Handles a post of whichever step the session is at; a code for the new phone counts only after the proof. */
    public static void process(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(LoginActionsService.CANCEL_AIA)) {
            // reached only where Keycloak's own AIA cancel does not apply: drop everything, nothing was stored
            cancelled(context.getSession(), context.getAuthenticationSession());
            context.cancel();
            return;
        }
        // only the new phone's page posts a code: its twins (a double-click) wait for it and end the same way
        OncePerBrowser.Work work = form.containsKey(VigiIds.FIELD_CODE) ? NewPhoneStep.once(context).begin(context.getSession())
                : new OncePerBrowser.Work();
        if (work == null) {
            context.success();
            return;
        }
        UserModel user = context.getUser();
        CredentialModel current = MoveProof.current(user);
        if (current == null) {
            clearNotes(context.getAuthenticationSession());
            context.challenge(ProveStep.notOn(context));
            return;
        }
        // error events are clones; the request's own event becomes UPDATE_CREDENTIAL only when the secret is replaced
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE).detail(Details.CREDENTIAL_ID, current.getId());
        if (atNewPhone(context, current)) {
            NewPhoneStep.process(context, form, event, work, current);
        } else if (form.containsKey(VigiIds.FIELD_CODE)) {
            // a new phone's code without a proof that holds: replayed, or another move replaced the secret meanwhile
            AuthenticationSessionModel authSession = context.getAuthenticationSession();
            String why = authSession.getAuthNote(MoveIds.AUTH_NOTE_PROOF) != null ? MoveIds.MSG_CHANGED : null;
            clearNotes(authSession);
            event.detail(VigiIds.EVENT_DETAIL, MoveIds.EVENT_SCAN).error(Errors.INVALID_CODE);
            context.challenge(ProveStep.page(context, null, why));
        } else {
            ProveStep.process(context, form, event, current);
        }
    }

    /** Cancel at any step: forget the proof and the new secret, record the event; nothing was stored. */
    public static void cancelled(KeycloakSession session, AuthenticationSessionModel authSession) {
        String step = authSession.getAuthNote(MoveIds.AUTH_NOTE_STEP);
        clearNotes(authSession);
        EventBuilder event = new EventBuilder(authSession.getRealm(), session, session.getContext().getConnection())
                .event(EventType.UPDATE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                .detail(VigiIds.EVENT_DETAIL, MoveIds.EVENT_CANCEL_PREFIX + (step == null ? MoveIds.STEP_PROVE : step))
                .client(authSession.getClient());
        if (authSession.getAuthenticatedUser() != null) {
            event.user(authSession.getAuthenticatedUser());
        }
        event.error(Errors.REJECTED_BY_USER);
    }

    /** At the new phone's page: the proof was given in this session for the secret the credential holds now. */
    private static boolean atNewPhone(RequiredActionContext context, CredentialModel current) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return MoveIds.STEP_SCAN.equals(authSession.getAuthNote(MoveIds.AUTH_NOTE_STEP))
                && authSession.getAuthNote(MoveIds.AUTH_NOTE_SECRET) != null
                && MoveProof.holds(authSession, context.getUser(), current);
    }

    static void clearNotes(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(MoveIds.AUTH_NOTE_STEP);
        authSession.removeAuthNote(MoveIds.AUTH_NOTE_SECRET);
        authSession.removeAuthNote(MoveIds.AUTH_NOTE_PROOF);
    }
}
