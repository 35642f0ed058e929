package org.vigi2fa.it.integration.handwiring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The README's "wire it by hand" steps, done through the admin REST API (what the admin console calls) on a fresh
 * realm that never saw realm-config/vigi-realm.json. Step numbers are the README's.
 */
final class HandWiring {

    static final String BROWSER_FLOW = "vigi browser";
    static final String FORMS_FLOW = "vigi browser forms";
    static final String TWO_FACTOR_FLOW = "vigi browser 2fa";
    static final String RESET_FLOW = "vigi reset credentials";
    static final String RESET_TWO_FACTOR_FLOW = "vigi reset 2fa";

    private HandWiring() {
    }

    /** A fresh realm with one VMS Cloud-like client, wired by hand; returns its name. */
    static String wire(VigiEnvironment env, String name) {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(name);
        rep.setEnabled(true);
        env.admin().realms().create(rep);
        RealmResource realm = env.admin().realm(name);

        // 1. Email: the server the test run's mail catcher listens on (the same the vigi realm was given)
        // 2. brute-force detection on
        RealmRepresentation settings = realm.toRepresentation();
        settings.setSmtpServer(new HashMap<>(env.realm().toRepresentation().getSmtpServer()));
        settings.setBruteForceProtected(true);
        realm.update(settings);

        // 3. the browser flow, built from scratch and bound
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationFlowRepresentation top = new AuthenticationFlowRepresentation();
        top.setAlias(BROWSER_FLOW);
        top.setDescription("Password, then the VIGI 2FA code for users who turned 2FA on");
        top.setProviderId("basic-flow");
        top.setTopLevel(true);
        top.setBuiltIn(false);
        try (Response created = flows.createFlow(top)) {
            expect(201, created, "create flow " + BROWSER_FLOW);
        }
        flows.addExecution(BROWSER_FLOW, Map.of("provider", "vigi-2fa-cookie"));
        subFlow(flows, BROWSER_FLOW, FORMS_FLOW);
        flows.addExecution(FORMS_FLOW, Map.of("provider", "auth-username-password-form"));
        subFlow(flows, FORMS_FLOW, TWO_FACTOR_FLOW);
        flows.addExecution(TWO_FACTOR_FLOW, Map.of("provider", "conditional-user-configured"));
        flows.addExecution(TWO_FACTOR_FLOW, Map.of("provider", "vigi-2fa-code"));
        requirement(flows, BROWSER_FLOW, "VIGI 2FA - cookie (2FA-aware SSO)", "ALTERNATIVE");
        requirement(flows, BROWSER_FLOW, FORMS_FLOW, "ALTERNATIVE");
        requirement(flows, BROWSER_FLOW, "Username Password Form", "REQUIRED");
        requirement(flows, BROWSER_FLOW, TWO_FACTOR_FLOW, "CONDITIONAL");
        requirement(flows, BROWSER_FLOW, "Condition - user configured", "REQUIRED");
        requirement(flows, BROWSER_FLOW, "VIGI 2FA - authenticator app code", "REQUIRED");
        RealmRepresentation bind = realm.toRepresentation();
        bind.setBrowserFlow(BROWSER_FLOW);
        realm.update(bind);

        // 4. direct grant: Keycloak's own "direct grant" flow stays bound (its conditional OTP asks for totp)
        // 5. required actions: turn on and turn off registered; Configure OTP and Delete Credential stay as they are
        for (String action : List.of("vigi-2fa-enable", "vigi-2fa-disable")) {
            RequiredActionProviderSimpleRepresentation register = new RequiredActionProviderSimpleRepresentation();
            register.setProviderId(action);
            register.setName(displayName(flows, action));
            flows.registerRequiredAction(register);
        }

        // 6. forgot password: the mail link, then the code for users with 2FA, then the new password; bound
        AuthenticationFlowRepresentation reset = new AuthenticationFlowRepresentation();
        reset.setAlias(RESET_FLOW);
        reset.setDescription("Forgot password: mail, code for users with 2FA, new password");
        reset.setProviderId("basic-flow");
        reset.setTopLevel(true);
        reset.setBuiltIn(false);
        try (Response created = flows.createFlow(reset)) {
            expect(201, created, "create flow " + RESET_FLOW);
        }
        flows.addExecution(RESET_FLOW, Map.of("provider", "reset-credentials-choose-user"));
        flows.addExecution(RESET_FLOW, Map.of("provider", "reset-credential-email"));
        subFlow(flows, RESET_FLOW, RESET_TWO_FACTOR_FLOW);
        flows.addExecution(RESET_TWO_FACTOR_FLOW, Map.of("provider", "conditional-user-configured"));
        flows.addExecution(RESET_TWO_FACTOR_FLOW, Map.of("provider", "vigi-2fa-code"));
        flows.addExecution(RESET_FLOW, Map.of("provider", "reset-password"));
        for (String step : List.of("Choose User", "Send Reset Email", "Reset Password", "Condition - user configured",
                "VIGI 2FA - authenticator app code")) {
            requirement(flows, RESET_FLOW, step, "REQUIRED");
        }
        requirement(flows, RESET_FLOW, RESET_TWO_FACTOR_FLOW, "CONDITIONAL");
        RealmRepresentation bindReset = realm.toRepresentation();
        bindReset.setResetCredentialsFlow(RESET_FLOW);
        bindReset.setResetPasswordAllowed(true);
        realm.update(bindReset);

        // 7. e-mail changes: Keycloak's Update Email on, with Force Email Verification (the JAR asks the code first)
        RequiredActionProviderRepresentation updateEmail = flows.getRequiredActions().stream()
                .filter(a -> "UPDATE_EMAIL".equals(a.getAlias())).findFirst().orElse(null);
        if (updateEmail == null) {
            RequiredActionProviderSimpleRepresentation register = new RequiredActionProviderSimpleRepresentation();
            register.setProviderId("UPDATE_EMAIL");
            register.setName("Update Email");
            flows.registerRequiredAction(register);
            updateEmail = flows.getRequiredAction("UPDATE_EMAIL");
        }
        updateEmail.setEnabled(true);
        flows.updateRequiredAction("UPDATE_EMAIL", updateEmail);
        RequiredActionConfigRepresentation verify = new RequiredActionConfigRepresentation();
        verify.setConfig(Map.of("verifyEmail", "true"));
        flows.updateRequiredActionConfig("UPDATE_EMAIL", verify);

        // a client of the realm's own: VMS Cloud with the defaults the tests know (VigiClient.VMS_CLOUD)
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(VigiClient.VMS_CLOUD.clientId);
        client.setSecret(VigiClient.VMS_CLOUD.secret);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRedirectUris(List.of(VigiClient.VMS_CLOUD.redirectUri));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        try (Response created = realm.clients().create(client)) {
            expect(201, created, "create client");
        }
        return name;
    }

    /** The name the admin console shows for an unregistered required action (its provider's display text). */
    static String displayName(AuthenticationManagementResource flows, String providerId) {
        return flows.getUnregisteredRequiredActions().stream().filter(a -> providerId.equals(a.getProviderId()))
                .map(RequiredActionProviderSimpleRepresentation::getName).findFirst()
                .orElseThrow(() -> new AssertionError(providerId + " is not offered under Required actions"));
    }

    private static void subFlow(AuthenticationManagementResource flows, String parent, String alias) {
        flows.addExecutionFlow(parent, Map.of("alias", alias, "type", "basic-flow", "provider", "registration-page-form", "description", ""));
    }

    /** Sets the requirement of the step or sub-flow the admin console lists under this name in the flow. */
    private static void requirement(AuthenticationManagementResource flows, String flow, String displayName, String requirement) {
        AuthenticationExecutionInfoRepresentation execution = flows.getExecutions(flow).stream()
                .filter(e -> displayName.equals(e.getDisplayName())).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + displayName + "' in " + flow));
        execution.setRequirement(requirement);
        flows.updateExecutions(flow, execution);
    }

    private static void expect(int status, Response response, String what) {
        if (response.getStatus() != status) {
            throw new AssertionError(what + ": HTTP " + response.getStatus() + " " + response.readEntity(String.class));
        }
    }
}
