package org.vigi2fa.enrol;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
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

import static org.vigi2fa.enrol.EnrolIds.AUTH_NOTE_SECRET;
import static org.vigi2fa.enrol.EnrolIds.AUTH_NOTE_STEP;
import static org.vigi2fa.enrol.EnrolIds.STEP_CONFIRM;
import static org.vigi2fa.enrol.EnrolIds.STEP_PASSWORD;
import static org.vigi2fa.enrol.EnrolIds.STEP_SCAN;

/**
 * Turning 2FA on: sends each request to the step the session is at (ConfirmStep, PasswordStep, ScanStep). The step
 * and the new secret live in authentication-session notes, so reloads and wrong codes keep the secret and nothing is
 * stored before the end.
 */
final class EnrolFlow {

    private EnrolFlow() {
    }

    /** Shows the page of the current step (a reload shows the same page, with the same secret). */
    static void challenge(RequiredActionContext context) {
        if (ScanStep.once(context).done(context.getSession())) {
            // a twin of this page's code submit arrived once that one had stored the authenticator: done, as it said
            context.success();
            return;
        }
        if (hasTwoFactor(context.getUser())) {
            if (MoveDoor.entered(context.getAuthenticationSession())) {
                MoveDoor.challenge(context);
                return;
            }
            clearNotes(context.getAuthenticationSession());
            context.challenge(alreadyPage(context));
            return;
        }
        switch (step(context.getAuthenticationSession())) {
            case STEP_SCAN -> context.challenge(ScanStep.page(context, null));
            case STEP_PASSWORD -> context.challenge(PasswordStep.page(context, null));
            default -> ConfirmStep.show(context);
        }
    }

    /** Handles a form post of whichever step the session is at; fields of other steps are ignored. */
    static void process(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(LoginActionsService.CANCEL_AIA)) {
            // Reached only where Keycloak's own AIA cancel does not apply (e.g. an action the admin required):
            // drop everything and start over from the confirm page.
            cancelled(context.getSession(), context.getAuthenticationSession());
            context.cancel();
            return;
        }
        // A code submit's twin from this page waits for it: once that one stored the authenticator, this one is done.
        OncePerBrowser.Work work = form.containsKey(VigiIds.FIELD_CODE) ? ScanStep.once(context).begin(context.getSession())
                : new OncePerBrowser.Work();
        if (work == null) {
            context.success();
            return;
        }
        if (hasTwoFactor(context.getUser())) {
            alreadyOn(context, form);
            return;
        }
        // Error events are clones; the request's own event becomes UPDATE_CREDENTIAL only when the credential is stored.
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE);
        switch (step(context.getAuthenticationSession())) {
            case STEP_SCAN -> ScanStep.process(context, form, event, work);
            case STEP_PASSWORD -> PasswordStep.process(context, form, event);
            default -> ConfirmStep.process(context, form);
        }
    }

    /** Cancel at any step: forget the secret, record the event; nothing was stored yet. */
    static void cancelled(KeycloakSession session, AuthenticationSessionModel authSession) {
        String step = authSession.getAuthNote(AUTH_NOTE_STEP);
        if (EnrolIds.STEP_MOVE.equals(step)) {
            clearNotes(authSession);
            MoveDoor.cancelled(session, authSession);
            return;
        }
        clearNotes(authSession);
        EventBuilder event = new EventBuilder(authSession.getRealm(), session, session.getContext().getConnection())
                .event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                .detail(VigiIds.EVENT_DETAIL, EnrolIds.EVENT_CANCEL_PREFIX + (step == null ? STEP_CONFIRM : step))
                .client(authSession.getClient());
        if (authSession.getAuthenticatedUser() != null) {
            event.user(authSession.getAuthenticatedUser());
        }
        event.error(Errors.REJECTED_BY_USER);
    }

    /** The step the session is at; the scan step only while its secret is there. */
    private static String step(AuthenticationSessionModel authSession) {
        String step = authSession.getAuthNote(AUTH_NOTE_STEP);
        if (STEP_SCAN.equals(step)) {
            return authSession.getAuthNote(AUTH_NOTE_SECRET) != null ? STEP_SCAN : STEP_CONFIRM;
        }
        return STEP_PASSWORD.equals(step) ? STEP_PASSWORD : STEP_CONFIRM;
    }

    static boolean hasTwoFactor(UserModel user) {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }

    static void clearNotes(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(AUTH_NOTE_STEP);
        authSession.removeAuthNote(AUTH_NOTE_SECRET);
    }

    /**
     * 2FA is on already (another session finished first, or it was on from the start): "done" ends the action, "move"
     * goes on to moving it to a new phone, anything else shows the page.
     */
    private static void alreadyOn(RequiredActionContext context, MultivaluedMap<String, String> form) {
        if (MoveDoor.entered(context.getAuthenticationSession())) {
            MoveDoor.process(context);
            return;
        }
        clearNotes(context.getAuthenticationSession());
        if (form.containsKey(EnrolIds.FIELD_MOVE) && MoveDoor.enter(context)) {
            return;
        }
        if (form.containsKey(EnrolIds.FIELD_DONE)) {
            context.success();
        } else {
            context.challenge(alreadyPage(context));
        }
    }

    static Response alreadyPage(RequiredActionContext context) {
        return context.form().setAttribute(EnrolIds.ATTR_MOVE_OFFERED, MoveDoor.available(context.getSession()))
                .createForm(EnrolIds.TPL_ENABLE_ALREADY);
    }
}
