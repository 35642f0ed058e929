package org.vigi2fa.trust;

import java.util.Arrays;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.PasswordFormFactory;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.SeenDevice;
import org.vigi2fa.VigiIds;
import org.vigi2fa.activity.ActivityIds;
import org.vigi2fa.activity.SecurityActivity;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.guard.Reauthentication;
import org.vigi2fa.notify.TwoFactorNotifier;

/**
 * The code step's side of trusted devices: whether this sign-in offers "Don't ask again on this device", whether a
 * trusted device lets it skip the code, and remembering the device after a correct code. Trust only ever replaces the
 * code of a browser sign-in whose password was just checked, for a client that does not always ask and a request that
 * does not ask for a fresh login (prompt=login, max_age, acr_values: step-up).
 */
public final class DeviceTrust {

    private static final long DAY_SECONDS = 86_400L;
    private static final String[] PASSWORD_FORMS = {UsernamePasswordFormFactory.PROVIDER_ID, PasswordFormFactory.PROVIDER_ID};

    private DeviceTrust() {
    }

    /** Puts the checkbox on the code page (the number of days) when this sign-in may remember the device. */
    public static void offer(AuthenticationFlowContext context) {
        int days = offeredDays(context);
        if (days > 0) {
            context.form().setAttribute(TrustIds.ATTR_TRUST_DAYS, days);
        }
    }

    /** Days to offer on the code page, or 0 when trust does not apply to this sign-in. */
    static int offeredDays(AuthenticationFlowContext context) {
        int days = TwoFactorSettings.of(context.getSession(), context.getRealm()).trustedDeviceDays();
        return days > 0 && applies(context) ? days : 0;
    }

    /**
     * When the browser holds a valid trusted device of this user, the step succeeds without the code: the user session
     * is marked verified with the device's OTP credential (as a code would) and the LOGIN event says so.
     */
    public static boolean admits(AuthenticationFlowContext context) {
        TrustCookie.Value cookie = TrustCookie.read(context.getSession());
        UserModel user = context.getUser();
        if (cookie == null || user == null || offeredDays(context) == 0 || !passwordChecked(context) || !user.isEnabled()
                || Reauthentication.isLocked(context.getSession(), context.getRealm(), user)) {
            return false;
        }
        CredentialModel device = TrustedDevices.valid(context.getSession(), context.getRealm(), user, cookie);
        if (device == null) {
            return false;
        }
        context.getAuthenticationSession().setUserSessionNote(VigiIds.NOTE_2FA_CREDENTIAL, TrustedDevice.of(device).otpCredentialId);
        context.getEvent().detail(VigiIds.EVENT_DETAIL, TrustIds.EVENT_USED).detail(TrustIds.DETAIL_DEVICE, device.getId());
        TrustedDevices.touch(user, device);
        // recorded as the credential of this sign-in: the flow's "Condition - credential" skips the code sub-flow
        SecurityActivity.recordSignIn(context.getSession(), context.getRealm(), user, ActivityIds.KIND_SIGN_IN_TRUSTED,
                context.getAuthenticationSession().getClient().getClientId(), device.getId());
        context.success(TrustIds.CREDENTIAL_TYPE);
        return true;
    }

    /** After a correct code with the box ticked: stores the device, sets the cookie, records the event, mails the user. */
    public static void rememberIfAsked(AuthenticationFlowContext context, String otpCredentialId) {
        int days = offeredDays(context);
        if (days == 0 || !context.getHttpRequest().getDecodedFormParameters().containsKey(TrustIds.FIELD_TRUST)) {
            return;
        }
        KeycloakSession session = context.getSession();
        UserModel user = context.getUser();
        TrustedDevice device = describe(session);
        device.otpCredentialId = otpCredentialId;
        device.lastUsedAt = Time.currentTimeMillis();
        device.expiresAt = device.lastUsedAt + days * DAY_SECONDS * 1000L;
        String secret = TrustSecret.fresh();
        CredentialModel stored = TrustedDevices.add(session, context.getRealm(), user, device, TrustSecret.hash(secret));
        TrustCookie.set(session, context.getRealm(), stored.getId(), secret, (int) (days * DAY_SECONDS));
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, TrustIds.CREDENTIAL_TYPE).detail(Details.CREDENTIAL_ID, stored.getId())
                .detail(Details.CREDENTIAL_USER_LABEL, stored.getUserLabel()).detail(VigiIds.EVENT_DETAIL, TrustIds.EVENT_ADDED)
                .success();
        TwoFactorNotifier.trustedDeviceAdded(session, context.getRealm(), user, stored.getUserLabel(), days);
    }

    /** A browser sign-in (not "forgot password"), for a client that does not always ask, without a step-up request. */
    private static boolean applies(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String prompt = authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM);
        boolean stepUp = (prompt != null && Arrays.asList(prompt.split(" ")).contains(OIDCLoginProtocol.PROMPT_VALUE_LOGIN))
                || authSession.getClientNote(OIDCLoginProtocol.MAX_AGE_PARAM) != null
                || authSession.getClientNote(OIDCLoginProtocol.ACR_PARAM) != null
                || authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION) != null;
        return !stepUp && LoginActionsService.AUTHENTICATE_PATH.equals(context.getFlowPath())
                && !TwoFactorSettings.of(context.getSession(), context.getRealm()).alwaysAsks(authSession.getClient().getClientId());
    }

    /** The password form of this flow succeeded in this login: a cookie never stands in for the password. */
    private static boolean passwordChecked(AuthenticationFlowContext context) {
        return context.getAuthenticationSession().getExecutionStatus().entrySet().stream()
                .filter(e -> e.getValue() == AuthenticationSessionModel.ExecutionStatus.SUCCESS)
                .map(e -> context.getRealm().getAuthenticationExecutionById(e.getKey()))
                .map(execution -> execution == null ? null : execution.getAuthenticator())
                .anyMatch(id -> Arrays.asList(PASSWORD_FORMS).contains(id));
    }

    /** Browser and OS of this request ({@link SeenDevice}). */
    private static TrustedDevice describe(KeycloakSession session) {
        SeenDevice seen = SeenDevice.of(session);
        TrustedDevice device = new TrustedDevice();
        device.browser = seen.browser();
        device.os = seen.os();
        return device;
    }
}
