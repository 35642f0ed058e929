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
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.CredentialValidation;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.utils.CredentialHelper;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.notify.TwoFactorNotifier;
import org.vigi2fa.recovery.RecoveryOffer;
import org.vigi2fa.trust.TrustIds;
import org.vigi2fa.trust.TrustedDevices;
import org.vigi2fa.metrics.VigiMetrics;

/** The last page of turning 2FA on: QR code and secret, then the first code, which stores the credential. */
final class ScanStep {

    private static final Logger LOG = Logger.getLogger(ScanStep.class);

    private ScanStep() {
    }

    /**
     * This browser's code submit of this turn-on: a twin of it (a double-click) waits for it and ends the same way
     * once it stored the authenticator, instead of hearing that its code, now used, is wrong.
     */
    static OncePerBrowser once(RequiredActionContext context) {
        return OncePerBrowser.of(EnrolIds.ONCE_KEY_PREFIX, context.getUser().getId(), context.getAuthenticationSession(),
                EnrolIds.ONCE_KEEP_SECONDS);
    }

    static void process(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event,
            OncePerBrowser.Work work) {
        String code = wellFormedCode(context, form.getFirst(VigiIds.FIELD_CODE), event);
        if (code == null) {
            return;
        }
        OTPPolicy policy = context.getRealm().getOTPPolicy();
        OTPCredentialModel credential = secret(context).credential(policy, AuthenticatorName.of(form.getFirst(EnrolIds.FIELD_NAME)));
        if (!CredentialValidation.validOTP(code, credential, policy.getLookAheadWindow())) {
            wrongCode(context, event);
            return;
        }
        if (store(context, code, credential, event)) {
            work.succeeded();
            finish(context);
        }
    }

    /**
     * The typed code under the code step's rules (guard/CodeInput: spaces dropped, any Unicode digits, length cap),
     * or null after asking again.
     */
    private static String wellFormedCode(RequiredActionContext context, String input, EventBuilder event) {
        if (input != null && CodeInput.isBlank(input)) {
            context.challenge(page(context, VigiIds.MSG_CODE_MISSING));
            return null;
        }
        String code = CodeInput.normalise(input, context.getRealm().getOTPPolicy().getDigits());
        if (code == null) {
            event.detail(VigiIds.EVENT_DETAIL, EnrolIds.STEP_SCAN).error(Errors.INVALID_INPUT);
            context.challenge(page(context, input == null ? VigiIds.MSG_CODE_MISSING : VigiIds.MSG_CODE_FORMAT));
            return null;
        }
        return code;
    }

    /** Stores the credential once; false after showing why not (code did not hold, or 2FA is on already). */
    private static boolean store(RequiredActionContext context, String code, OTPCredentialModel credential, EventBuilder event) {
        UserModel user = context.getUser();
        // One authenticator per user: of two posts at once (a double click, or two sessions finishing together)
        // exactly one stores. The lock goes when this request ends, so a later re-enrolment is not held up.
        if (!EnrolmentLock.acquire(context.getSession(), user)) {
            alreadyOn(context);
            return false;
        }
        try {
            // Keycloak's own helper: stores the credential and validates the code once against it, which puts the
            // code in the single-use store exactly like a login would, so it cannot be replayed at the next login.
            if (!CredentialHelper.createOTPCredential(context.getSession(), context.getRealm(), user, code, credential)) {
                // The helper stores before it validates: undo the store when the code did not hold.
                context.getSession().getTransactionManager().setRollbackOnly();
                wrongCode(context, event);
                return false;
            }
            return true;
        } catch (ModelDuplicateException e) {
            LOG.debugf(e, "OTP credential of user %s already exists", user.getId());
            alreadyOn(context);
            return false;
        }
    }

    /** After the credential is stored: older sessions end, this one is marked verified, events and mail. */
    private static void finish(RequiredActionContext context) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        EnrolFlow.clearNotes(authSession);
        // Sessions and tokens from before 2FA (a phished password's, say) end here; this session goes on.
        AuthenticatorUtil.logoutOtherSessions(context);
        context.getSession().users().setNotBeforeForUser(realm, user, Time.currentTime());
        TrustedDevices.revokeAll(context.getSession(), realm, user, TrustIds.REVOKED_NEW_AUTHENTICATOR);
        // The user just proved the new authenticator in this session: keep its SSO valid for the other VIGI apps.
        user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findFirst()
                .ifPresent(stored -> authSession.setUserSessionNote(VigiIds.NOTE_2FA_CREDENTIAL, stored.getId()));
        // Keycloak's login-actions endpoint records this event as success after context.success(); like UpdateTotp,
        // record the deprecated UPDATE_TOTP too, which older listeners still watch.
        EventBuilder stored = context.getEvent().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE).detail(VigiIds.EVENT_DETAIL, EnrolIds.EVENT_ENABLED);
        stored.clone().event(EventType.UPDATE_TOTP).success();
        TwoFactorNotifier.turnedOn(context.getSession(), realm, user);
        VigiMetrics.enrolled(context.getSession(), realm);
        RecoveryOffer.afterEnrolment(context);
        context.success();
    }

    private static void wrongCode(RequiredActionContext context, EventBuilder event) {
        event.detail(VigiIds.EVENT_DETAIL, EnrolIds.STEP_SCAN).error(Errors.INVALID_USER_CREDENTIALS);
        context.challenge(page(context, VigiIds.MSG_CODE_WRONG));
    }

    private static void alreadyOn(RequiredActionContext context) {
        EnrolFlow.clearNotes(context.getAuthenticationSession());
        context.challenge(EnrolFlow.alreadyPage(context));
    }

    private static EnrolmentSecret secret(RequiredActionContext context) {
        return EnrolmentSecret.of(context.getAuthenticationSession().getAuthNote(EnrolIds.AUTH_NOTE_SECRET));
    }

    static Response page(RequiredActionContext context, String error) {
        OTPPolicy policy = context.getRealm().getOTPPolicy();
        LoginFormsProvider form = KeyPage.describe(context, secret(context))
                .setAttribute(EnrolIds.ATTR_AUTHENTICATOR_APPS, authenticatorApps(context, policy))
                .setAttribute(EnrolIds.ATTR_NAME, typedName(context));
        if (error != null) {
            form.addError(new FormMessage(Validation.FIELD_OTP_CODE, error, policy.getDigits()));
        }
        return form.createForm(EnrolIds.TPL_ENABLE_SCAN);
    }

    /** The name posted with this request (a wrong code shows the page again with it), else empty. */
    private static String typedName(RequiredActionContext context) {
        String name = AuthenticatorName.of(context.getHttpRequest().getDecodedFormParameters().getFirst(EnrolIds.FIELD_NAME));
        return name == null ? "" : name;
    }

    private static List<String> authenticatorApps(RequiredActionContext context, OTPPolicy policy) {
        return context.getSession().getAllProviders(OTPApplicationProvider.class).stream()
                .filter(app -> app.supports(policy)).map(OTPApplicationProvider::getName).collect(Collectors.toList());
    }
}
