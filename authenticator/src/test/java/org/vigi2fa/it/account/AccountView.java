package org.vigi2fa.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigi2fa.it.disable.DisableSupport;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.AccountConsoleClient;

/** What the account console reads for "Signing in": GET /account/credentials with the console's own token. */
public final class AccountView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccountView() {
    }

    /** The account console's token after the password and, for a 2FA user, this code (null: the password alone). */
    public static String consoleToken(VigiEnvironment env, TestUser user, String code) throws Exception {
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        Page afterPassword = Flows.password(browser, browser.get(console.authUrl()), user.username(), user.password());
        return console.redeem(code == null ? afterPassword : Flows.code(browser, afterPassword, code));
    }

    /** The "otp" credential type as the account REST API lists it. */
    public static JsonNode otpType(VigiEnvironment env, String accessToken) throws Exception {
        JsonNode otp = type(env, accessToken, "otp");
        if (otp == null) {
            throw new AssertionError("no otp type listed");
        }
        return otp;
    }

    /** A credential type as the account REST API lists it, or null when the console does not show it. */
    public static JsonNode type(VigiEnvironment env, String accessToken, String credentialType) throws Exception {
        HttpResponse<String> listed = DisableSupport.account(env, "GET", "/credentials", accessToken);
        assertEquals(200, listed.statusCode(), listed.body());
        for (JsonNode type : JSON.readTree(listed.body())) {
            if (credentialType.equals(type.path("type").asText())) {
                return type;
            }
        }
        return null;
    }

    /** The info line of the user's one authenticator: its message key, then its values in order. */
    public static List<String> infoMessage(JsonNode otpType) {
        JsonNode message = otpType.path("userCredentialMetadatas").path(0).path("infoMessage");
        List<String> shown = new ArrayList<>();
        shown.add(message.path("key").asText());
        message.path("parameters").forEach(value -> shown.add(value.asText()));
        return shown;
    }

    /** Whether the user's one authenticator has info properties (a second block beside the info line). */
    public static boolean hasInfoProperties(JsonNode otpType) {
        JsonNode properties = otpType.path("userCredentialMetadatas").path(0).path("infoProperties");
        return properties.isArray() && !properties.isEmpty();
    }

    /** The stored label of the user's one authenticator, as the console gets it (null when none). */
    public static String userLabel(JsonNode otpType) {
        JsonNode label = otpType.path("userCredentialMetadatas").path(0).path("credential").path("userLabel");
        return label.isMissingNode() || label.isNull() ? null : label.asText();
    }
}
