package org.vigi2fa.recovery;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.authenticators.browser.RecoveryAuthnCodesFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * Recovery codes in account settings and after enrolment: the manage page (codes left, "generate new codes" after
 * the proof), then the codes page, whose "I saved them" stores the set. The list is made on the server and kept in
 * Keycloak's own auth notes of its recovery-code action until saved; nothing from the form is stored.
 */
final class RecoveryCodesFlow {

    private RecoveryCodesFlow() {
    }

    static void challenge(RequiredActionContext context) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!hasTwoFactor(user)) {
            clearNotes(authSession);
            context.challenge(RecoveryPages.notOn(context));
        } else if (once(context).done(context.getSession())) {
            // a twin of "I saved them" sent back to the page after its first submit stored the set
            clearNotes(authSession);
            context.success();
        } else if (RecoveryOffer.granted(authSession, user)) {
            context.challenge(RecoveryPages.codes(context, codes(authSession), null));
        } else if (RecoveryOffer.verified(authSession, user) && RecoveryCodes.left(user) == 0) {
            grant(context);
        } else {
            context.challenge(RecoveryPages.manage(context, null));
        }
    }

    static void process(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, RecoveryAuthnCodesCredentialModel.TYPE);
        if (!hasTwoFactor(user) || once(context).done(context.getSession())) {
            // no 2FA any more, or a twin of "I saved them" whose first submit stored the set: done, nothing twice
            clearNotes(authSession);
            context.success();
        } else if (form.containsKey(RecoveryIds.FIELD_SKIP)) {
            skip(context, event);
        } else if (RecoveryOffer.granted(authSession, user)) {
            save(context, form, event);
        } else if (form.containsKey(RecoveryIds.FIELD_GENERATE)) {
            prove(context, form, event);
        } else {
            context.challenge(RecoveryPages.manage(context, null));
        }
    }

    /** The manage page's "generate new codes": right away after a fresh sign-in, else after password and code. */
    private static void prove(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event) {
        if (!RecoveryOffer.verified(context.getAuthenticationSession(), context.getUser())) {
            String refused = RecoveryProof.check(context, form);
            if (refused != null) {
                event.detail(VigiIds.EVENT_DETAIL, RecoveryIds.EVENT_MANAGE).error(VigiIds.MSG_LOCKED.equals(refused)
                        ? Errors.USER_TEMPORARILY_DISABLED : Errors.INVALID_USER_CREDENTIALS);
                context.challenge(RecoveryPages.manage(context, refused));
                return;
            }
        }
        grant(context);
    }

    private static void grant(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RecoveryIds.AUTH_NOTE_GRANTED, context.getUser().getId());
        context.challenge(RecoveryPages.codes(context, codes(authSession), null));
    }

    /** "I saved them" (the box ticked): stores the list shown, which voids the previous set. */
    private static void save(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!form.containsKey(RecoveryIds.FIELD_SAVED)) {
            context.challenge(RecoveryPages.codes(context, codes(authSession), RecoveryIds.MSG_NOT_SAVED));
            return;
        }
        OncePerBrowser.Work work = once(context).begin(context.getSession());
        if (work == null) {
            context.success();
            return;
        }
        RecoveryCodes.store(context.getSession(), context.getRealm(), context.getUser(), codes(authSession));
        clearNotes(authSession);
        event.detail(VigiIds.EVENT_DETAIL, RecoveryIds.EVENT_GENERATED).success();
        work.succeeded();
        context.success();
    }

    /** This browser tab's "I saved them" for this user. */
    private static OncePerBrowser once(RequiredActionContext context) {
        return OncePerBrowser.of(RecoveryIds.ONCE_KEY_PREFIX, context.getUser().getId(), context.getAuthenticationSession(),
                RecoveryIds.ONCE_KEEP_SECONDS);
    }

    /** Skip on the codes page or "later" on the reminder; refused while the setting requires a first set. */
    private static void skip(RequiredActionContext context, EventBuilder event) {
        if (!RecoveryPages.skippable(context)) {
            challenge(context);
            return;
        }
        clearNotes(context.getAuthenticationSession());
        event.detail(VigiIds.EVENT_DETAIL, RecoveryIds.EVENT_SKIPPED).success();
        context.success();
    }

    /** The list of this session's codes page: made once, the same on every reload. */
    private static List<String> codes(AuthenticationSessionModel authSession) {
        String kept = authSession.getAuthNote(RecoveryAuthnCodesFormAuthenticator.GENERATED_RECOVERY_AUTHN_CODES_NOTE);
        if (kept != null) {
            return Arrays.asList(kept.split(","));
        }
        List<String> fresh = RecoveryCodes.generate();
        authSession.setAuthNote(RecoveryAuthnCodesFormAuthenticator.GENERATED_RECOVERY_AUTHN_CODES_NOTE, String.join(",", fresh));
        return fresh;
    }

    static void clearNotes(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(RecoveryAuthnCodesFormAuthenticator.GENERATED_RECOVERY_AUTHN_CODES_NOTE);
        authSession.removeAuthNote(RecoveryIds.AUTH_NOTE_GRANTED);
    }

    static boolean hasTwoFactor(UserModel user) {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }

    static boolean required(RequiredActionContext context) {
        return TwoFactorSettings.RECOVERY_REQUIRED.equals(TwoFactorSettings.of(context.getSession(), context.getRealm()).recoveryCodes());
    }
}
