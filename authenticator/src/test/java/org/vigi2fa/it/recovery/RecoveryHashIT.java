package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.recovery.RecoverySupport.Seeded;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Recovery codes at rest, read from Keycloak's credential store: a new set is 16-character codes, each hashed with
 * Keycloak's PBKDF2-SHA512 and a salt of its own; a set stored as Keycloak 26 does (unsalted SHA-512) still signs in
 * until a new set replaces it.
 */
@VigiTest
class RecoveryHashIT {

    private static final Pattern SHOWN = Pattern.compile("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
    private static final Pattern SALTED = Pattern.compile("\\$pbkdf2-sha512\\$210000\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");

    @Test
    void aNewSetIsSaltedPerCodeWithKeycloaksPbkdf2(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("rc-hash");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page manage = signedIn.startAction(RecoverySupport.ACTION);
        Page codesPage = RecoverySupport.generate(signedIn.browser(), manage, enrolled.user().password(), enrolled.totp().now(1));
        codesPage.document().select("#vigi-recovery-codes li")
                .forEach(li -> assertTrue(SHOWN.matcher(li.text()).matches(), "shown as four groups of four joined by hyphens: " + li.text()));
        List<String> codes = RecoverySupport.shownCodes(codesPage);
        assertTrue(RecoverySupport.saved(signedIn.browser(), codesPage).isRedirect());

        assertSaltedSet(env, enrolled.user().id(), codes);
        assertEquals(200, signIn(env, enrolled.user(), codes.get(0)).get("status").asInt(), "a new code signs in");
        assertEquals(11, RecoverySupport.left(env, enrolled.user().id()));
    }

    @Test
    void aSetStoredAsKeycloak26DidSignsInUntilANewSetReplacesIt(VigiEnvironment env) throws Exception {
        Seeded seeded = RecoverySupport.user(env, "rc-legacy", 12);
        String userId = seeded.enrolled().user().id();
        JsonNode old = RecoverySeed.storedWithSecrets(env, userId).get(0);
        assertFalse(old.get("secretData").asText().contains("$"), "the seed is Keycloak's unsalted format: " + old);

        assertEquals(200, signIn(env, seeded.enrolled().user(), seeded.codes().number(1)).get("status").asInt(), "an old code signs in");
        SignedIn signedIn = seeded.signedIn(env);
        Page manage = signedIn.startAction(RecoverySupport.ACTION);
        // the proof may be an old recovery code too
        Page codesPage = RecoverySupport.generate(signedIn.browser(), manage, seeded.enrolled().user().password(), seeded.codes().number(2));
        List<String> fresh = RecoverySupport.shownCodes(codesPage);
        assertTrue(RecoverySupport.saved(signedIn.browser(), codesPage).isRedirect());

        assertSaltedSet(env, userId, fresh);
        OAuth oauth = new OAuth(env.realmUrl());
        Flows.assertRefused(RecoverySupport.signIn(new WebSession(env.baseUrl()), oauth.authRequest(VigiClient.VMS_LOCAL),
                seeded.enrolled().user(), seeded.codes().number(3)), RecoverySupport.WRONG);
        assertEquals(200, signIn(env, seeded.enrolled().user(), fresh.get(0)).get("status").asInt(), "the new set signs in");
    }

    private static JsonNode signIn(VigiEnvironment env, TestUser user, String code) {
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        return Flows.tokens(oauth, request, RecoverySupport.signIn(new WebSession(env.baseUrl()), request, user, code));
    }

    /** One set; algorithm and count in its data; per code a PBKDF2 value with its own salt and no SHA-512 of any code. */
    private static void assertSaltedSet(VigiEnvironment env, String userId, List<String> codes) throws Exception {
        JsonNode sets = RecoverySeed.storedWithSecrets(env, userId);
        assertEquals(1, sets.size(), "one set: " + sets);
        ObjectMapper json = new ObjectMapper();
        JsonNode data = json.readTree(sets.get(0).get("credentialData").asText());
        assertEquals("pbkdf2-sha512", data.get("algorithm").asText(), data.toString());
        assertEquals(210_000, data.get("hashIterations").asInt(), data.toString());
        String secretData = sets.get(0).get("secretData").asText();
        JsonNode stored = json.readTree(secretData).get("codes");
        assertEquals(codes.size(), stored.size());
        Set<String> salts = new HashSet<>();
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(i + 1, stored.get(i).get("number").asInt(), "Keycloak's order");
            Matcher value = SALTED.matcher(stored.get(i).get("encodedHashedValue").asText());
            assertTrue(value.matches(), "salted PBKDF2: " + stored.get(i));
            assertTrue(Base64.getDecoder().decode(value.group(1)).length >= 16, "a salt of at least 128 bits");
            salts.add(value.group(1));
        }
        assertEquals(codes.size(), salts.size(), "a salt per code");
        for (String code : codes) {
            String unsalted = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(code.getBytes(StandardCharsets.UTF_8)));
            assertFalse(secretData.contains(unsalted) || secretData.contains(code), "no unsalted digest and no code in the clear");
        }
    }
}
