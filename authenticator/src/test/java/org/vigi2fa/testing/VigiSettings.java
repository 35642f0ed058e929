package org.vigi2fa.testing;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

/** The VIGI settings of the test realm (the config of the code step in the vigi browser flow), changed for one test. */
public final class VigiSettings {

    private VigiSettings() {
    }

    /** Sets these settings; returns the previous ones, for {@link #restore} in finally. */
    public static Map<String, String> change(VigiEnvironment env, Map<String, String> changes) {
        AuthenticatorConfigRepresentation config = config(env);
        Map<String, String> previous = new HashMap<>(config.getConfig() == null ? Map.of() : config.getConfig());
        Map<String, String> updated = new HashMap<>(previous);
        updated.putAll(changes);
        config.setConfig(updated);
        env.realm().flows().updateAuthenticatorConfig(config.getId(), config);
        return previous;
    }

    public static void restore(VigiEnvironment env, Map<String, String> previous) {
        AuthenticatorConfigRepresentation config = config(env);
        config.setConfig(previous);
        env.realm().flows().updateAuthenticatorConfig(config.getId(), config);
    }

    /** Runs the steps with these settings, then puts the previous ones back. */
    public static void with(VigiEnvironment env, Map<String, String> changes, Runnable steps) {
        Map<String, String> previous = change(env, changes);
        try {
            steps.run();
        } finally {
            restore(env, previous);
        }
    }

    private static AuthenticatorConfigRepresentation config(VigiEnvironment env) {
        return env.realm().flows().getExecutions("vigi browser").stream()
                .filter(e -> "vigi-2fa-code".equals(e.getProviderId()) && e.getAuthenticationConfig() != null)
                .map(e -> env.realm().flows().getAuthenticatorConfig(e.getAuthenticationConfig()))
                .findFirst().orElseThrow(() -> new AssertionError("vigi-2fa-code has no config in the vigi browser flow"));
    }
}
