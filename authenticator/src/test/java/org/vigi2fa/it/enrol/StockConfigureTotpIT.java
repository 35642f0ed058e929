package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.AccountConsoleClient;

/** In a realm that does not use VIGI 2FA, CONFIGURE_TOTP is Keycloak's own: same page, same stored credential. */
@VigiTest
class StockConfigureTotpIT {

    @Test
    void realmWithoutVigi2faKeepsKeycloaksOwnSetupPage(VigiEnvironment env) throws Exception {
        String realmName = "stock-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(realmName);
        realm.setEnabled(true);
        env.admin().realms().create(realm);
        try {
            RealmResource resource = env.admin().realm(realmName);
            UserRepresentation user = new UserRepresentation();
            user.setUsername("stock-user");
            user.setEmail("stock-user@example.test");
            user.setFirstName("Stock");
            user.setLastName("User");
            user.setEmailVerified(true);
            user.setEnabled(true);
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(VigiEnvironment.PASSWORD);
            password.setTemporary(false);
            user.setCredentials(List.of(password));
            String userId;
            try (var response = resource.users().create(user)) {
                assertEquals(201, response.getStatus());
                String path = response.getLocation().getPath();
                userId = path.substring(path.lastIndexOf('/') + 1);
            }

            String realmUrl = env.baseUrl() + "/realms/" + realmName;
            AccountConsoleClient console = new AccountConsoleClient(realmUrl);
            WebSession browser = new WebSession(env.baseUrl());
            Page setup = Flows.password(browser, browser.get(console.authUrl("CONFIGURE_TOTP")), "stock-user", VigiEnvironment.PASSWORD);
            Flows.assertPage(setup, "login-login-config-totp");
            assertTrue(setup.document().selectFirst("#kc-totp-secret-qr-code") != null, "Keycloak's QR code");
            assertTrue(setup.document().selectFirst("#vigi-scan-form") == null, "no VIGI page in this realm");

            String secret = setup.form("#kc-totp-settings-form").selectFirst("input[name=totpSecret]").attr("value");
            String code = Totp.ofKey(secret.getBytes(StandardCharsets.UTF_8)).now();
            Page end = browser.submit(setup.form("#kc-totp-settings-form"), Map.of("totp", code, "userLabel", "phone"));
            assertEquals("success", console.returned(end).get("kc_action_status"));

            List<CredentialRepresentation> otp = resource.users().get(userId).credentials().stream()
                    .filter(c -> "otp".equals(c.getType())).toList();
            assertEquals(1, otp.size());
            JsonNode data = new ObjectMapper().readTree(otp.get(0).getCredentialData());
            assertFalse(data.hasNonNull("secretEncoding"), "stock credential keeps Keycloak's raw secret: " + data);
        } finally {
            env.admin().realm(realmName).remove();
        }
    }
}
