package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;

/**
 * The last step of turning 2FA on, double-clicked: one authenticator stored, one event, one mail, and the browser
 * back at the application with the action done (never "wrong code" for the code that worked).
 */
@VigiTest
class EnrolOnceIT {

    private static final Set<String> KEYCLOAK_LATE_ANSWERS = Set.of("login-login-page-expired", "login-login");

    @Test
    void doubleClickOnTheCodeStoresOnceAndBothAnswersSayDone(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("enroldouble");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        Totp phone = Enrolment.phone(scan);
        String code = phone.now();

        List<Page> answers = Parallel.doubleSubmit(enrolment.browser,
                tab -> tab.submit(scan.form("#vigi-scan-form"), Map.of("otp", code)));
        // The twin that arrives while the first is at work waits for it and ends the same way. One that arrives once
        // the first has moved the login on is answered by Keycloak itself, before any VIGI code: its "Page has
        // expired" page, or (once the login has ended) its sign-in page saying the attempt timed out, each with the
        // way on. Never the VIGI "wrong code" or "already on" for the code that worked.
        long backAtApp = answers.stream().filter(Page::isRedirect).count();
        assertTrue(backAtApp >= 1, "the browser gets back to the application: " + answers);
        for (Page answer : answers) {
            if (answer.isRedirect()) {
                enrolment.assertBackAtApp(answer, "success");
            } else {
                assertTrue(KEYCLOAK_LATE_ANSWERS.contains(answer.pageId()), "Keycloak's own answer to a late twin: " + answer);
            }
        }
        assertEquals(1, env.otpCredentials(user.id()).size(), "one authenticator");
        assertEquals(1, env.realm().getEvents(List.of("UPDATE_CREDENTIAL"), null, user.id(), null, null, null, 0, 200).size(),
                "one credential event");
        assertEquals(1, env.inbox().to(user.email(), "turned on").size(), "one turned-on mail");
    }
}
