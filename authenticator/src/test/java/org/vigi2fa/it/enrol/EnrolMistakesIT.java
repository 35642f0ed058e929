package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA on when the user errs or stops: a wrong code or password, a lockout, a cancel at any step. */
@VigiTest
class EnrolMistakesIT {

    @Test
    void wrongCodeKeepsTheSecretAcrossErrorsAndReloads(VigiEnvironment env) {
        TestUser user = env.newUser("wrongcode");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        String key = Enrolment.manualKey(scan);
        String qr = Enrolment.qrText(scan);
        Totp totp = Totp.ofBase32(key);

        Page wrong = enrolment.code(scan, totp.now(20));
        Flows.assertPage(wrong, Enrolment.PAGE_SCAN);
        assertEquals(200, wrong.status());
        assertTrue(wrong.document().selectFirst("#input-error-otp-code[role=alert]") != null, "field error: " + wrong.text());
        assertTrue(wrong.text().contains("That code is not correct"), wrong.text());
        assertEquals(key, Enrolment.manualKey(wrong));
        assertEquals(qr, Enrolment.qrText(wrong));
        assertTrue(env.otpCredentials(user.id()).isEmpty());
        assertTrue(Enrolment.event(env, user, "UPDATE_CREDENTIAL_ERROR", "scan").isPresent(), "wrong-code event");

        Page reloaded = enrolment.browser.get(wrong.url());
        Flows.assertPage(reloaded, Enrolment.PAGE_SCAN);
        assertEquals(key, Enrolment.manualKey(reloaded));

        enrolment.assertBackAtApp(enrolment.code(reloaded, totp.now()), "success");
        assertEquals(1, env.otpCredentials(user.id()).size());
    }

    @Test
    void wrongPasswordIsRefusedAndCountedByBruteForceProtection(VigiEnvironment env) {
        TestUser user = env.newUser("wrongpw");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page password = enrolment.confirm(enrolment.start());

        Page refused = enrolment.password(password, "not-the-password");
        Flows.assertPage(refused, Enrolment.PAGE_PASSWORD);
        assertEquals(200, refused.status());
        assertTrue(refused.document().selectFirst("#input-error-password[role=alert]") != null, refused.text());
        assertTrue(refused.text().contains("That password is not correct"), refused.text());
        assertEquals(1, BruteForce.failures(BruteForce.of(env, user.id()).awaitAtLeast(1)),
                "the wrong password is counted");
        assertTrue(Enrolment.event(env, user, "UPDATE_CREDENTIAL_ERROR", "password").isPresent(), "wrong-password event");
        assertTrue(env.otpCredentials(user.id()).isEmpty());

        Page scan = enrolment.password(refused, user.password());
        Flows.assertPage(scan, Enrolment.PAGE_SCAN);
    }

    @Test
    void lockedUserHearsOfTheLockForRightAndWrongPasswords(VigiEnvironment env) {
        TestUser user = env.newUser("locked");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page page = enrolment.confirm(enrolment.start());
        try {
            for (int i = 0; i < 5; i++) {
                page = enrolment.password(page, "wrong-" + i);
            }
            Map<String, Object> status = BruteForce.of(env, user.id()).awaitLocked();
            assertEquals(Boolean.TRUE, status.get("disabled"), "locked after wrong passwords: " + status);

            Page wrong = enrolment.password(page, "still-wrong");
            Page right = enrolment.password(wrong, user.password());
            Flows.assertPage(wrong, Enrolment.PAGE_PASSWORD);
            Flows.assertPage(right, Enrolment.PAGE_PASSWORD);
            assertEquals(wrong.messages(), right.messages(), "same answer for right and wrong while locked");
            // the one lockout wording of every re-check page: the lock is said, the password is not judged
            assertTrue(right.text().contains("Too many failed attempts"), right.text());
            assertTrue(env.otpCredentials(user.id()).isEmpty());
        } finally {
            env.realm().attackDetection().clearBruteForceForUser(user.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"confirm", "password", "scan"})
    void cancelAtAnyStepLeavesNothingBehind(String step, VigiEnvironment env) {
        TestUser user = env.newUser("cancel");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page page = enrolment.start();
        String form = "#vigi-enable-confirm-form";
        String firstSecret = null;
        if (!step.equals("confirm")) {
            page = enrolment.confirm(page);
            form = "#vigi-password-form";
        }
        if (step.equals("scan")) {
            page = enrolment.password(page, user.password());
            firstSecret = Enrolment.manualKey(page);
            form = "#vigi-scan-form";
        }
        Page end = enrolment.cancel(page, form);
        enrolment.assertBackAtApp(end, "cancelled");
        assertTrue(env.otpCredentials(user.id()).isEmpty(), "no credential after cancel");
        assertTrue(Enrolment.event(env, user, "UPDATE_CREDENTIAL_ERROR", "cancel-" + step).isPresent(), "cancel event");
        assertTrue(env.inbox().to(user.email()).isEmpty(), "no mail after cancel");

        // Starting again begins at the confirm page, asks the password again and brings a new secret.
        Enrolment again = Enrolment.from(env, user, enrolment.browser, VigiClient.VMS_CLOUD, Enrolment.ACTION);
        Page password = again.confirm(again.startSignedIn());
        Flows.assertPage(password, Enrolment.PAGE_PASSWORD);
        Page scan = again.password(password, user.password());
        if (firstSecret != null) {
            assertNotEquals(firstSecret, Enrolment.manualKey(scan));
        }
        again.assertBackAtApp(again.codeOfPhone(scan), "success");
    }
}
