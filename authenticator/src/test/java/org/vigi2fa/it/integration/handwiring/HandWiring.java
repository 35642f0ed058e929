package org.vigi2fa.it.integration.handwiring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.ServerSettings;

/**
 * An existing realm that never saw realm-config/vigi-realm.json, wired the way the README tells an operator to:
 * realm-config/wire-realm.sh over the test server's own bin/kcadm.sh. The realm and its one client are made through
 * the admin REST API, as an operator's realm would already exist.
 */
final class HandWiring {

    /** What the script prints when a realm needs no change. */
    static final String NOTHING_TO_CHANGE = "Nothing to change: realm '";

    private HandWiring() {
    }

    /** A fresh realm with SMTP unset and no VIGI piece, as an operator's realm is before wiring; returns its name. */
    static String existingRealm(VigiEnvironment env, String name) {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(name);
        rep.setEnabled(true);
        env.admin().realms().create(rep);
        return name;
    }

    /** Runs wire-realm.sh against the realm (with the SMTP server of the test run) and returns what it printed. */
    static String runScript(VigiEnvironment env, String realm, String... extra) {
        Path kcadm = Path.of(System.getProperty("vigi.server.dir"), "bin", "kcadm.sh");
        if (!Files.isExecutable(kcadm)) {
            throw new AssertionError("no kcadm.sh at " + kcadm + ": the hand-wired realm needs a distribution server");
        }
        Map<String, String> smtp = new HashMap<>(env.realm().toRepresentation().getSmtpServer());
        List<String> command = new ArrayList<>(List.of("bash", script().toString(), "--server", env.baseUrl(),
                "--realm", realm, "--user", ServerSettings.ADMIN_USER, "--kcadm", kcadm.toString(),
                "--smtp-host", smtp.get("host"), "--smtp-port", smtp.get("port"), "--smtp-from", smtp.get("from")));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KC_ADMIN_PASSWORD", ServerSettings.ADMIN_PASSWORD);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("wire-realm.sh " + String.join(" ", extra) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run wire-realm.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while wire-realm.sh ran", e);
        }
    }

    /**
     * No recovery-code page at the end of turning 2FA on, as on every test realm (ServerSettings turns it off for
     * the vigi realm): the code step's setting the script leaves at its default.
     */
    static void recoveryCodesOff(VigiEnvironment env, String realm) {
        AuthenticationManagementResource flows = env.admin().realm(realm).flows();
        AuthenticatorConfigRepresentation config = flows.getExecutions("vigi browser").stream()
                .filter(e -> "vigi-2fa-code".equals(e.getProviderId()) && e.getAuthenticationConfig() != null)
                .map(e -> flows.getAuthenticatorConfig(e.getAuthenticationConfig())).findFirst()
                .orElseThrow(() -> new AssertionError("wire-realm.sh left the code step without a config"));
        Map<String, String> settings = new HashMap<>(config.getConfig());
        settings.put("recoveryCodes", "off");
        config.setConfig(settings);
        flows.updateAuthenticatorConfig(config.getId(), config);
    }

    /** The script the README points at. */
    static Path script() {
        return Path.of(System.getProperty("vigi.project.dir"), "realm-config", "wire-realm.sh");
    }

    /** A client of the realm's own: VMS Cloud with the defaults the tests know (VigiClient.VMS_CLOUD). */
    static void addClient(VigiEnvironment env, String realm) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(VigiClient.VMS_CLOUD.clientId);
        client.setSecret(VigiClient.VMS_CLOUD.secret);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRedirectUris(List.of(VigiClient.VMS_CLOUD.redirectUri));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        try (Response created = env.admin().realm(realm).clients().create(client)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("create client: HTTP " + created.getStatus() + " " + created.readEntity(String.class));
            }
        }
    }
}
