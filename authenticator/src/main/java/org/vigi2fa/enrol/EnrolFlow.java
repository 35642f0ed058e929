package org.vigi2fa.enrol;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.otp.OTPApplicationProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.CredentialValidation;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.utils.CredentialHelper;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.notify.TwoFactorNotifier;

/**
 * Turning 2FA on: confirm, password re-confirmation, QR code and first code. The step and the new secret live in
 * authentication-session notes, so reloads and wrong codes keep the secret and nothing is stored before the end.
 */
final class EnrolFlow {

    static final String AUTH_NOTE_STEP = "vigi-2fa-enable.step";
    static final String AUTH_NOTE_SECRET = "vigi-2fa-enable.secret";

    static final String STEP_CONFIRM = "confirm";
    static final String STEP_PASSWORD = "password";
    static final String STEP_SCAN = "scan";

    /** Button of the confirm page. */
    static final String FIELD_CONTINUE = "continue";
    /** Button of the "already on" page. */
    static final String FIELD_DONE = "done";
    static final String FIELD_PASSWORD = Validation.FIELD_PASSWORD;

    /** Longest input looked at; anything longer is malformed, never hashed or compared. */
    static final int MAX_CODE_INPUT = 64;

    private static final Logger LOG = Logger.getLogger(EnrolFlow.class);

    private EnrolFlow() {
    }

    /** Shows the page of the current step (a reload shows the same page, with the same secret). */
    static void challenge(RequiredActionContext context) {
        if (hasTwoFactor(context.getUser())) {
            clearNotes(context.getAuthenticationSession());
            context.challenge(alreadyPage(context));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String step = authSession.getAuthNote(AUTH_NOTE_STEP);
        if (STEP_SCAN.equals(step) && authSession.getAuthNote(AUTH_NOTE_SECRET) != null) {
            context.challenge(scanPage(context, null));
        } else if (STEP_PASSWORD.equals(step)) {
            context.challenge(passwordPage(context, null));
        } else {
            authSession.setAuthNote(AUTH_NOTE_STEP, STEP_CONFIRM);
            context.challenge(confirmPage(context));
        }
    }

    /** Handles a form post of whichever step the session is at; fields of other steps are ignored. */
    static void process(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // Error events are clones; the request's own event becomes UPDATE_CREDENTIAL only when the credential is stored.
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE);

        if (form.containsKey(LoginActionsService.CANCEL_AIA)) {
            // Reached only where Keycloak's own AIA cancel does not apply (e.g. an action the admin required):
            // drop everything and start over from the confirm page.
            cancelled(context.getSession(), authSession);
            context.cancel();
            return;
        }
        if (hasTwoFactor(context.getUser())) {
            clearNotes(authSession);
            if (form.containsKey(FIELD_DONE)) {
                context.success();
            } else {
                context.challenge(alreadyPage(context));
            }
            return;
        }
        String step = authSession.getAuthNote(AUTH_NOTE_STEP);
        if (STEP_SCAN.equals(step) && authSession.getAuthNote(AUTH_NOTE_SECRET) != null) {
            processCode(context, form, event);
        } else if (STEP_PASSWORD.equals(step)) {
            processPassword(context, form, event);
        } else if (form.containsKey(FIELD_CONTINUE)) {
            authSession.setAuthNote(AUTH_NOTE_STEP, STEP_PASSWORD);
            context.challenge(passwordPage(context, null));
        } else {
            authSession.setAuthNote(AUTH_NOTE_STEP, STEP_CONFIRM);
            context.challenge(confirmPage(context));
        }
    }

    /** Cancel at any step: forget the secret, record the event; nothing was stored yet. */
    static void cancelled(KeycloakSession session, AuthenticationSessionModel authSession) {
        String step = authSession.getAuthNote(AUTH_NOTE_STEP);
        clearNotes(authSession);
        EventBuilder event = new EventBuilder(authSession.getRealm(), session, session.getContext().getConnection())
                .event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                .detail(VigiIds.EVENT_DETAIL, "cancel-" + (step == null ? STEP_CONFIRM : step))
                .client(authSession.getClient());
        if (authSession.getAuthenticatedUser() != null) {
            event.user(authSession.getAuthenticatedUser());
        }
        event.error(Errors.REJECTED_BY_USER);
    }

    private static void processPassword(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event) {
        String password = form.getFirst(FIELD_PASSWORD);
        if (password == null || password.isEmpty()) {
            context.challenge(passwordPage(context, "vigi2faEnablePasswordMissing"));
            return;
        }
        PasswordConfirmation.Result result = PasswordConfirmation.check(context, password);
        if (result != PasswordConfirmation.Result.CORRECT) {
            event.detail(VigiIds.EVENT_DETAIL, STEP_PASSWORD)
                    .error(result == PasswordConfirmation.Result.LOCKED ? Errors.USER_TEMPORARILY_DISABLED : Errors.INVALID_USER_CREDENTIALS);
            // Same message for locked and wrong: a locked account must not reveal whether the password was right.
            context.challenge(passwordPage(context, "vigi2faEnablePasswordWrong"));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(AUTH_NOTE_SECRET, EnrolmentSecret.generate().base32());
        authSession.setAuthNote(AUTH_NOTE_STEP, STEP_SCAN);
        context.challenge(scanPage(context, null));
    }

    private static void processCode(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        OTPPolicy policy = realm.getOTPPolicy();
        String input = form.getFirst(VigiIds.FIELD_CODE);
        String code = input == null || input.length() > MAX_CODE_INPUT ? null : input.replaceAll("[ \\t]", "");

        if (input != null && input.isBlank()) {
            context.challenge(scanPage(context, "vigi2faEnableCodeMissing"));
            return;
        }
        if (code == null || !code.matches("[0-9]{" + policy.getDigits() + "}")) {
            event.detail(VigiIds.EVENT_DETAIL, STEP_SCAN).error(Errors.INVALID_INPUT);
            context.challenge(scanPage(context, input == null ? "vigi2faEnableCodeMissing" : "vigi2faEnableCodeMalformed"));
            return;
        }
        EnrolmentSecret secret = EnrolmentSecret.of(authSession.getAuthNote(AUTH_NOTE_SECRET));
        OTPCredentialModel credential = secret.credential(policy, null);
        if (!CredentialValidation.validOTP(code, credential, policy.getLookAheadWindow())) {
            event.detail(VigiIds.EVENT_DETAIL, STEP_SCAN).error(Errors.INVALID_USER_CREDENTIALS);
            context.challenge(scanPage(context, "vigi2faEnableCodeWrong"));
            return;
        }
        // One authenticator per user: of two posts at once (a double click, or two sessions finishing together)
        // exactly one stores. The lock goes when this request ends, so a later re-enrolment is not held up.
        if (!EnrolmentLock.acquire(context.getSession(), user)) {
            clearNotes(authSession);
            context.challenge(alreadyPage(context));
            return;
        }
        try {
            // Keycloak's own helper: stores the credential and validates the code once against it, which puts the
            // code in the single-use store exactly like a login would, so it cannot be replayed at the next login.
            if (!CredentialHelper.createOTPCredential(context.getSession(), realm, user, code, credential)) {
                // The helper stores before it validates: undo the store when the code did not hold.
                context.getSession().getTransactionManager().setRollbackOnly();
                event.detail(VigiIds.EVENT_DETAIL, STEP_SCAN).error(Errors.INVALID_USER_CREDENTIALS);
                context.challenge(scanPage(context, "vigi2faEnableCodeWrong"));
                return;
            }
        } catch (ModelDuplicateException e) {
            LOG.debugf(e, "OTP credential of user %s already exists", user.getId());
            clearNotes(authSession);
            context.challenge(alreadyPage(context));
            return;
        }
        clearNotes(authSession);
        // Sessions and tokens from before 2FA (a phished password's, say) end here; this session goes on.
        AuthenticatorUtil.logoutOtherSessions(context);
        context.getSession().users().setNotBeforeForUser(realm, user, Time.currentTime());
        // The user just proved the new authenticator in this session: keep its SSO valid for the other VIGI apps.
        user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findFirst()
                .ifPresent(stored -> authSession.setUserSessionNote(VigiIds.NOTE_2FA_CREDENTIAL, stored.getId()));
        // Keycloak's login-actions endpoint records this event as success after context.success(); like UpdateTotp,
        // record the deprecated UPDATE_TOTP too, which older listeners still watch.
        EventBuilder stored = context.getEvent().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE).detail(VigiIds.EVENT_DETAIL, "enabled");
        stored.clone().event(EventType.UPDATE_TOTP).success();
        TwoFactorNotifier.turnedOn(context.getSession(), realm, user);
        context.success();
    }

    private static boolean hasTwoFactor(UserModel user) {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }

    private static void clearNotes(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(AUTH_NOTE_STEP);
        authSession.removeAuthNote(AUTH_NOTE_SECRET);
    }

    private static Response confirmPage(RequiredActionContext context) {
        return context.form().setAttribute("vigiApps", guardedApplications(context.getRealm()))
                .createForm(VigiIds.TPL_ENABLE_CONFIRM);
    }

    private static Response passwordPage(RequiredActionContext context, String error) {
        LoginFormsProvider form = context.form().setAttribute("vigiUsername", context.getUser().getUsername());
        if (error != null) {
            form.addError(new FormMessage(FIELD_PASSWORD, error));
        }
        return form.createForm(VigiIds.TPL_ENABLE_PASSWORD);
    }

    private static Response scanPage(RequiredActionContext context, String error) {
        RealmModel realm = context.getRealm();
        OTPPolicy policy = realm.getOTPPolicy();
        EnrolmentSecret secret = EnrolmentSecret.of(context.getAuthenticationSession().getAuthNote(AUTH_NOTE_SECRET));
        String issuer = TwoFactorSettings.of(realm).issuer();
        String account = context.getUser().getUsername();
        LoginFormsProvider form = context.form()
                .setAttribute("vigiQr", QrCode.pngDataUri(secret.keyUri(policy, issuer, account)))
                .setAttribute("vigiSecret", secret.grouped())
                .setAttribute("vigiIssuer", issuer)
                .setAttribute("vigiAccount", account)
                .setAttribute("vigiDigits", policy.getDigits())
                .setAttribute("vigiPeriod", policy.getPeriod())
                .setAttribute("vigiAuthenticatorApps", context.getSession().getAllProviders(OTPApplicationProvider.class).stream()
                        .filter(app -> app.supports(policy)).map(OTPApplicationProvider::getName).collect(Collectors.toList()));
        if (error != null) {
            form.addError(new FormMessage(Validation.FIELD_OTP_CODE, error, policy.getDigits()));
        }
        return form.createForm(VigiIds.TPL_ENABLE_SCAN);
    }

    private static Response alreadyPage(RequiredActionContext context) {
        return context.form().createForm(VigiIds.TPL_ENABLE_ALREADY);
    }

    /** The VIGI applications of the realm: its own clients with a display name (Keycloak's built-ins use ${...} keys). */
    static List<String> guardedApplications(RealmModel realm) {
        return realm.getClientsStream()
                .filter(ClientModel::isEnabled)
                .filter(client -> !client.isBearerOnly())
                .map(ClientModel::getName)
                .filter(name -> name != null && !name.isBlank() && !name.startsWith("${"))
                .distinct().sorted().collect(Collectors.toList());
    }
}
