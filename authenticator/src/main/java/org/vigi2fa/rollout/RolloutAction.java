package org.vigi2fa.rollout;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.StatelessFactory;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * The rollout policy as a required action with a configuration (admin console: Authentication, Required actions): after
 * a sign-in with the password, a user it covers who has no 2FA is asked to turn it on, with "Remind me later" while
 * postponements and time are left; after that the sign-in goes straight to enrolment. Never asked on an SSO sign-in
 * (no password typed), so moving between applications does not spend postponements.
 */
public final class RolloutAction implements RequiredActionProvider, RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(RolloutIds.NOTE_ASKED) != null || authSession.getAuthNote(AuthenticationManager.SSO_AUTH) != null
                || !TwoFactorSettings.isEnabledIn(context.getSession(), context.getRealm())) {
            return;
        }
        RolloutPolicy policy = policy(context);
        if (!policy.covers(context.getSession(), context.getRealm(), context.getUser(), authSession.getClient())) {
            return;
        }
        RolloutState state = RolloutState.of(context.getUser());
        if (hasTwoFactor(context)) {
            state.mark2fa();
            return;
        }
        // enrolment is coming anyway (asked by an application, or required by an administrator)
        if (authSession.getRequiredActions().contains(VigiIds.ENABLE_ACTION) || context.getUser().getRequiredActionsStream()
                .anyMatch(action -> VigiIds.ENABLE_ACTION.equals(action) || UserModel.RequiredAction.CONFIGURE_TOTP.name().equals(action))) {
            return;
        }
        // 2FA turned off (or reset by the help desk) while covered: no second grace
        if (state.had2fa() || RolloutPage.leftFor(policy, state) == 0) {
            enrol(context, RolloutIds.EVENT_FORCED);
            return;
        }
        authSession.addRequiredAction(RolloutIds.ACTION);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (hasTwoFactor(context)) {
            context.success();
            return;
        }
        context.challenge(RolloutPage.render(context, policy(context)));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (hasTwoFactor(context)) {
            context.success();
            return;
        }
        RolloutState state = RolloutState.of(context.getUser());
        if (form.containsKey(RolloutIds.FIELD_LATER) && RolloutPage.leftFor(policy(context), state) > 0) {
            // a double-click spends one postponement, not two; the twin's copy of the session is told it was asked too
            context.getAuthenticationSession().setAuthNote(RolloutIds.NOTE_ASKED, RolloutIds.EVENT_POSTPONED);
            OncePerBrowser.Work work = OncePerBrowser.of(RolloutIds.ONCE_PREFIX, RolloutIds.FIELD_LATER,
                    context.getAuthenticationSession(), RolloutIds.ONCE_SECONDS).begin(context.getSession());
            if (work == null) {
                context.success();
                return;
            }
            state.postpone();
            work.succeeded();
            event(context, RolloutIds.EVENT_POSTPONED);
            context.success();
            return;
        }
        if (form.containsKey(RolloutIds.FIELD_NOW) || form.containsKey(RolloutIds.FIELD_LATER)) {
            // "later" with nothing left (a stale page) goes to enrolment as the next sign-in would
            enrol(context, form.containsKey(RolloutIds.FIELD_NOW) ? RolloutIds.EVENT_CHOSEN : RolloutIds.EVENT_FORCED);
            context.success();
            return;
        }
        context.challenge(RolloutPage.render(context, policy(context)));
    }

    /** Enrolment runs next in this sign-in, before any token; its cancel starts it over (as for "this application needs 2FA"). */
    private static void enrol(RequiredActionContext context, String why) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RolloutIds.NOTE_ASKED, why);
        authSession.addRequiredAction(VigiIds.ENABLE_ACTION);
        event(context, why);
    }

    private static void event(RequiredActionContext context, String what) {
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(context.getUser())
                .detail(Details.CUSTOM_REQUIRED_ACTION, RolloutIds.ACTION).detail(VigiIds.EVENT_DETAIL, what).success();
    }

    private static RolloutPolicy policy(RequiredActionContext context) {
        RequiredActionConfigModel config = context.getConfig();
        return RolloutPolicy.of(config == null ? Map.of() : config.getConfig());
    }

    private static boolean hasTwoFactor(RequiredActionContext context) {
        return context.getUser().credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findAny().isPresent();
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return RolloutIds.ACTION;
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - rollout policy (who must turn 2FA on, by when)";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return RolloutSettings.PROPERTIES;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RolloutPolicy.of(model.getConfig()).validate(session, realm);
    }

    @Override
    public void close() {
    }
}
