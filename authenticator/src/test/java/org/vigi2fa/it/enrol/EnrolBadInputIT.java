package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.Base32;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;

/** Bad input on every turn-on form: a clear message on the same page, never a 500, nothing stored. */
@VigiTest
class EnrolBadInputIT {

    private static final String TEN_KB = "1".repeat(10 * 1024);

    @Test
    void malformedCodesGetAClearMessageAndKeepTheSecret(VigiEnvironment env) {
        TestUser user = env.newUser("badcode");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        String key = Enrolment.manualKey(scan);

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("", "Enter the 6-digit code from your authenticator app");
        bad.put("      ", "Enter the 6-digit code from your authenticator app");
        bad.put("12345", "The code is the 6 digits shown");
        bad.put("1234567", "The code is the 6 digits shown");
        bad.put("abcdef", "The code is the 6 digits shown");
        bad.put("12a456", "The code is the 6 digits shown");
        bad.put("\u0661\u0662\u0663a\u0665\u0666", "The code is the 6 digits shown");
        bad.put("123456\u0000", "The code is the 6 digits shown");
        bad.put(TEN_KB, "The code is the 6 digits shown");
        Page page = scan;
        for (Map.Entry<String, String> input : bad.entrySet()) {
            page = enrolment.code(page, input.getKey());
            String shown = input.getKey().length() > 20 ? input.getKey().substring(0, 20) + "..." : input.getKey();
            assertEquals(200, page.status(), "input '" + shown + "'");
            Flows.assertPage(page, Enrolment.PAGE_SCAN);
            assertTrue(page.document().selectFirst("#input-error-otp-code[role=alert]") != null, "field error for '" + shown + "': " + page.text());
            assertTrue(page.text().contains(input.getValue()), "'" + shown + "' -> " + page.messages());
            assertEquals(key, Enrolment.manualKey(page), "same secret after '" + shown + "'");
        }
        assertTrue(env.otpCredentials(user.id()).isEmpty(), "nothing stored");

        // The missing field altogether.
        page = enrolment.browser.post(page.form("#vigi-scan-form").absUrl("action"), Map.of());
        Flows.assertPage(page, Enrolment.PAGE_SCAN);
        assertTrue(page.text().contains("Enter the 6-digit code from your authenticator app"), page.messages());

        // A code typed the way apps show it ("123 456") is accepted.
        String code = Totp.ofBase32(key).now();
        Page end = enrolment.code(page, code.substring(0, 3) + " " + code.substring(3));
        enrolment.assertBackAtApp(end, "success");
        assertEquals(1, env.otpCredentials(user.id()).size());
    }

    /** The code step's rule (guard/CodeInput): a code typed with another script's digits is the same code. */
    @Test
    void codeInOtherDigitsCountsAsOnTheCodePage(VigiEnvironment env) {
        TestUser user = env.newUser("widecode");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        Totp totp = Enrolment.phone(scan);

        Page wrong = enrolment.code(scan, fullWidth(totp.wrongNow()));
        Flows.assertPage(wrong, Enrolment.PAGE_SCAN);
        assertTrue(wrong.text().contains("That code is not correct"), wrong.messages());
        assertTrue(env.otpCredentials(user.id()).isEmpty());

        enrolment.assertBackAtApp(enrolment.code(wrong, fullWidth(totp.now())), "success");
        assertEquals(1, env.otpCredentials(user.id()).size());
    }

    private static String fullWidth(String asciiDigits) {
        return asciiDigits.chars().map(c -> '\uff10' + (c - '0'))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Test
    void forgedSecretFieldIsIgnored(VigiEnvironment env) {
        TestUser user = env.newUser("forged");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        String mine = Base32.encode("attacker-chosen-secret".getBytes());
        Map<String, String> forged = Map.of("otp", Totp.ofBase32(mine).now(), "totpSecret", mine, "secret", mine, "vigi-secret", mine);
        Page page = enrolment.browser.submit(scan.form("#vigi-scan-form"), forged);
        Flows.assertPage(page, Enrolment.PAGE_SCAN);
        assertTrue(page.text().contains("That code is not correct"), page.messages());
        assertEquals(Enrolment.manualKey(scan), Enrolment.manualKey(page));
        assertTrue(env.otpCredentials(user.id()).isEmpty());
    }

    @Test
    void badPasswordsGetAClearMessageAndNothingHappens(VigiEnvironment env) {
        TestUser user = env.newUser("badpw");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page page = enrolment.confirm(enrolment.start());
        try {
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("", "Please type your password");
            bad.put("   ", "That password is not correct");
            bad.put(TEN_KB, "That password is not correct");
            bad.put(user.password() + " ", "That password is not correct");
            for (Map.Entry<String, String> input : bad.entrySet()) {
                // each bad input on its own: wrong passwords in quick succession lock the account, which the page
                // then says instead ("Too many failed attempts", EnrolMistakesIT)
                env.realm().attackDetection().clearBruteForceForUser(user.id());
                page = enrolment.password(page, input.getKey());
                assertEquals(200, page.status());
                Flows.assertPage(page, Enrolment.PAGE_PASSWORD);
                assertTrue(page.document().selectFirst("#input-error-password[role=alert]") != null, page.text());
                assertTrue(page.text().contains(input.getValue()), page.messages());
                assertTrue(page.document().selectFirst("#vigi-secret") == null, "no secret shown");
            }
            page = enrolment.browser.post(page.form("#vigi-password-form").absUrl("action"), Map.of());
            Flows.assertPage(page, Enrolment.PAGE_PASSWORD);
            assertTrue(page.text().contains("Please type your password"), page.messages());
            assertTrue(env.otpCredentials(user.id()).isEmpty());
        } finally {
            env.realm().attackDetection().clearBruteForceForUser(user.id());
        }
    }

    @Test
    void confirmFormWithoutContinueOrWithJunkStaysOnConfirm(VigiEnvironment env) {
        TestUser user = env.newUser("badconfirm");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page confirm = enrolment.start();
        String action = confirm.form("#vigi-enable-confirm-form").absUrl("action");
        Page page = enrolment.browser.post(action, Map.of());
        Flows.assertPage(page, Enrolment.PAGE_CONFIRM);
        page = enrolment.browser.post(action, Map.of("password", user.password(), "otp", "123456", "junk", TEN_KB));
        assertEquals(200, page.status());
        Flows.assertPage(page, Enrolment.PAGE_CONFIRM);
        assertTrue(env.otpCredentials(user.id()).isEmpty());
    }

    @Test
    void replayedFormPostsChangeNothing(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("replaypost");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page confirm = enrolment.start();
        Page password = enrolment.confirm(confirm);
        Page scan = enrolment.password(password, user.password());
        String key = Enrolment.manualKey(scan);

        // The confirm and password posts again, now that the session is at the scan step: no new secret, no skipping.
        Page replayedConfirm = enrolment.browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        assertTrue(replayedConfirm.status() < 500, replayedConfirm.toString());
        Flows.assertPage(replayedConfirm, Enrolment.PAGE_SCAN);
        assertEquals(key, Enrolment.manualKey(replayedConfirm));
        Page replayedPassword = enrolment.browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Flows.assertPage(replayedPassword, Enrolment.PAGE_SCAN);
        assertEquals(key, Enrolment.manualKey(replayedPassword));

        String code = Totp.ofBase32(key).now();
        Page end = enrolment.code(replayedPassword, code);
        enrolment.assertBackAtApp(end, "success");

        // The finished scan post again, in sequence and in parallel: never a 500, never a second credential.
        Page again = enrolment.browser.submit(replayedPassword.form("#vigi-scan-form"), Map.of("otp", code));
        assertTrue(again.status() < 500, again.toString());
        List<Integer> statuses = RawPosts.parallel(enrolment.browser, replayedPassword.form("#vigi-scan-form").absUrl("action"), Map.of("otp", code), 3);
        statuses.forEach(status -> assertTrue(status < 500, statuses.toString()));
        assertEquals(1, env.otpCredentials(user.id()).size());
        assertEquals(1, env.inbox().to(user.email()).size(), "one notification mail");
        assertFalse(again.text().contains("Unexpected error"), again.text());
    }
}
