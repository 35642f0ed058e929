package org.vigi2fa.login;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.FlowWalk;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.activity.ActivityIds;
import org.vigi2fa.activity.SecurityActivity;
import org.vigi2fa.credential.CredentialIds;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.guard.WrongCodeLimit;
import org.vigi2fa.lostphone.LostPhoneBlock;
import org.vigi2fa.lostphone.LostPhoneIds;
import org.vigi2fa.lostphone.LostPhoneRequest;
import org.vigi2fa.recovery.RecoveryOffer;
import org.vigi2fa.stepup.LevelOfAuthentication;
import org.vigi2fa.trust.DeviceTrust;
import org.vigi2fa.trust.TrustIds;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * The code step after the password: Keycloak's OTP form logic (credential provider, realm policy,
 * single-use codes, brute-force protection) rendered on the VIGI page that also offers the lost-phone link.
 * Input is normalised first (spaces, non-ASCII digits) so a typo gets a clear message rather than "invalid code".
 * In the reset-credentials flow ("forgot password") the same step guards the new password, without the lost-phone
 * link: that path needs the password, which a user resetting it does not have.
 */
public final class TwoFactorCodeAuthenticator extends OTPFormAuthenticator {

    /**
     * The code page. A flow wired before the trusted-device step existed (no {@code vigi-2fa-trusted-device} in it)
     * still lets a trusted device ("Don't ask again on this device") stand in for the code here.
     */
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        boolean ownTrustStep = FlowWalk.runs(context.getSession(), context.getRealm(), context.getTopLevelFlow(),
                TrustIds.TRUSTED_DEVICE_AUTHENTICATOR);
        if (ownTrustStep || !DeviceTrust.admits(context)) {
            super.authenticate(context);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        long started = System.nanoTime(); // the code-step timer: an answer that throws is not timed
        answer(context);
        VigiMetrics.codeStep(context.getRealm(), System.nanoTime() - started);
    }

    private void answer(AuthenticationFlowContext context) {
        if (RecoveryCodeStep.handle(this, context, context.getHttpRequest().getDecodedFormParameters())) {
            return;
        }
        if (context.getHttpRequest().getDecodedFormParameters().containsKey(LoginIds.FIELD_LOST_PHONE)) {
            if (lostPhoneOffered(context)) {
                CodePageOffers.describe(context); // a refused request shows this page again, offers and all
                LostPhoneRequest.handle(context);
            } else {
                context.challenge(challenge(context, LostPhoneIds.MSG_UNAVAILABLE, null));
            }
            return;
        }
        validateOTP(context);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        CodePageOffers.describe(context);
        return super.challenge(context, error, field);
    }

    /** A locked user hears what a wrong code hears, in the product's words, so the lock does not tell right from wrong. */
    @Override
    protected String disabledByBruteForceError(String error) {
        return VigiIds.MSG_CODE_WRONG;
    }

    /** Everywhere but the reset-credentials flow, whose user has the mailbox but not the password. */
    static boolean lostPhoneOffered(AuthenticationFlowContext context) {
        return !LoginActionsService.RESET_CREDENTIALS_PATH.equals(context.getFlowPath());
    }

    /** Keycloak's {@link OTPFormAuthenticator#validateOTP} order (lockout first), with clear messages for malformed input. */
    @Override
    public void validateOTP(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> input = context.getHttpRequest().getDecodedFormParameters();
        String credentialId = credentialId(context, input.getFirst(LoginIds.FIELD_SELECTED_CREDENTIAL));
        context.getEvent().detail(Details.SELECTED_CREDENTIAL_ID, credentialId);
        context.form().setAttribute(SELECTED_OTP_CREDENTIAL_ID, credentialId);
        if (!userMayTry(context)) {
            return;
        }
        String code = typedCode(context, input.get(VigiIds.FIELD_CODE));
        if (code == null) {
            return;
        }
        UserModel user = context.getUser();
        if (!isUsersOtpCredential(user, credentialId)
                || !user.credentialManager().isValid(new UserCredentialModel(credentialId, OTPCredentialModel.TYPE, code))) {
            VigiMetrics.wrongCode(context.getRealm(), MetricsIds.STEP_SIGN_IN);
            fail(context, WrongCodeLimit.reached(user, credentialId) ? VigiIds.MSG_AUTHENTICATOR_BLOCKED : VigiIds.MSG_CODE_WRONG);
            return;
        }
        // marks the user session as verified with this credential; the SSO cookie step checks it
        context.getAuthenticationSession().setUserSessionNote(VigiIds.NOTE_2FA_CREDENTIAL, credentialId);
        DeviceTrust.rememberIfAsked(context, credentialId);
        RecoveryOffer.afterSignIn(context);
        LevelOfAuthentication.secondFactorPassed(context);
        LostPhoneBlock.clear(user); // the phone is proven: "This wasn't me" no longer closes the lost-phone path
        SecurityActivity.recordSignIn(context.getSession(), context.getRealm(), user, ActivityIds.KIND_SIGN_IN_CODE,
                context.getAuthenticationSession().getClient().getClientId(), credentialId);
        if (user.getFirstAttribute(CredentialIds.USER_ATTR_LEGACY_LAST_SIGN_IN) != null) {
            // the last sign-in of earlier releases, no longer read: removed once (a user write evicts the cached user)
            user.removeAttribute(CredentialIds.USER_ATTR_LEGACY_LAST_SIGN_IN);
        }
        context.success(OTPCredentialModel.TYPE);
    }

    /** The user is enabled and not locked out, and the session was not marked invalid by an earlier lockout. */
    boolean userMayTry(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        boolean enabled = enabledUser(context, user);
        if (enabled) {
            // the lockout may have ended since this session was marked invalid
            authSession.removeAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID);
        }
        if ("true".equals(authSession.getAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID))) {
            context.getEvent().user(user).error(Errors.INVALID_AUTHENTICATION_SESSION);
            return false;
        }
        if (!enabled) {
            // enabledUser() set the same challenge Keycloak shows for a wrong code
            authSession.setAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID, "true");
        }
        return enabled;
    }

    /** The code as the policy's ASCII digits, or null after asking again (nothing typed) or counting a failure (malformed). */
    private String typedCode(AuthenticationFlowContext context, List<String> codes) {
        if (codes == null || codes.isEmpty() || (codes.size() == 1 && CodeInput.isBlank(codes.get(0)))) {
            // nothing typed: nothing to count, just ask again
            context.challenge(challenge(context, VigiIds.MSG_CODE_MISSING, Validation.FIELD_OTP_CODE));
            return null;
        }
        String code = codes.size() == 1 ? CodeInput.normalise(codes.get(0), context.getRealm().getOTPPolicy().getDigits()) : null;
        if (code == null) {
            // malformed input is still a failed attempt, as Keycloak counts any code that is not the right one
            fail(context, VigiIds.MSG_CODE_FORMAT);
        }
        return code;
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return form.createForm(VigiIds.TPL_CODE);
    }

    private void fail(AuthenticationFlowContext context, String message) {
        context.getEvent().user(context.getUser()).error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, challenge(context, message, Validation.FIELD_OTP_CODE));
    }

    /** A forged selectedCredentialId must be a wrong answer, not an error page (Keycloak's provider expects an own id). */
    private static boolean isUsersOtpCredential(UserModel user, String credentialId) {
        if (credentialId == null || credentialId.isEmpty()) {
            return false;
        }
        CredentialModel credential = user.credentialManager().getStoredCredentialById(credentialId);
        return credential != null && OTPCredentialModel.TYPE.equals(credential.getType());
    }

    private String credentialId(AuthenticationFlowContext context, String selected) {
        if (selected != null && !selected.isEmpty()) {
            return selected;
        }
        OTPCredentialModel otp = getCredentialProvider(context.getSession())
                .getDefaultCredential(context.getSession(), context.getRealm(), context.getUser());
        return otp == null ? "" : otp.getId();
    }
}
