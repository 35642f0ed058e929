package org.vigi2fa.it.integration.introspection;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Sign-ins with the code and the claims a resource server reads from the tokens they give. */
final class TokenAudiences {

    private TokenAudiences() {
    }

    /** The {@code aud} claim as a set (absent: empty; a single string: one element). */
    static Set<String> audiences(JsonNode claims) {
        Set<String> audiences = new TreeSet<>();
        JsonNode aud = claims.get("aud");
        if (aud != null && aud.isTextual()) {
            audiences.add(aud.asText());
        } else if (aud != null) {
            aud.forEach(a -> audiences.add(a.asText()));
        }
        return audiences;
    }

    /** A fresh browser signed in to the client with password and code; the token response. */
    static JsonNode signInWithCode(VigiEnvironment env, VigiClient client, EnrolledUser enrolled, String code) {
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(client);
        WebSession browser = new WebSession(env.baseUrl());
        JsonNode tokens = Flows.signInWithCode(oauth, browser, request, enrolled.user(), code);
        if (tokens.get("status").asInt() != 200) {
            throw new AssertionError("sign-in to " + client.clientId + " failed: " + tokens);
        }
        return tokens;
    }

    /** Codes of one authenticator for several sign-ins of one test: each from the look-around window, none twice. */
    static final class UnusedCodes {
        private final Totp totp;
        private final Set<Long> used = new HashSet<>();

        UnusedCodes(Totp totp) {
            this.totp = totp;
        }

        String next() {
            long now = Math.floorDiv(Instant.now().getEpochSecond(), Totp.PERIOD);
            for (long period : new long[] {now, now + 1, now - 1}) {
                if (used.add(period)) {
                    return totp.forPeriod(period);
                }
            }
            throw new AssertionError("the look-around window has no unused code left");
        }
    }
}
