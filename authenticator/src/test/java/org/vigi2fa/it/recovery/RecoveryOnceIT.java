package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.recovery.RecoverySupport.Seeded;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * A new set of recovery codes, whatever the browser does: a double-click on "I saved these codes" stores the list the
 * page showed once, with one event, and both answers take the browser back to the application with the action done.
 */
@VigiTest
class RecoveryOnceIT {

    private static final String EVENT_GENERATED = "recovery-codes-generated";

    @Test
    void doubleClickOnISavedThemStoresTheSetOnce(VigiEnvironment env) throws Exception {
        Seeded seeded = RecoverySupport.user(env, "rc-double", 12);
        String userId = seeded.enrolled().user().id();
        SignedIn signedIn = seeded.signedIn(env);
        Page manage = signedIn.startAction(RecoverySupport.ACTION);
        Page codes = RecoverySupport.generate(signedIn.browser(), manage, seeded.enrolled().user().password(),
                seeded.enrolled().totp().now(1));
        List<String> shown = RecoverySupport.shownCodes(codes);

        List<Page> answers = Parallel.doubleSubmit(signedIn.browser(),
                tab -> tab.submit(codes.form("#vigi-recovery-codes-form"), Map.of("saved", "on")));
        for (Page answer : answers) {
            assertTrue(answer.isRedirect(), "back to the application: " + answer + " " + answer.text());
            assertEquals("success", answer.redirectParams().get("kc_action_status"), answer.toString());
        }
        assertEquals(1, RecoverySupport.events(env, userId, "UPDATE_CREDENTIAL", EVENT_GENERATED).size(), "one event");
        assertEquals(12, RecoverySupport.left(env, userId), "one full set stored");

        // the set stored is the one the page showed
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_LOCAL);
        RecoverySupport.assertBackAtClient(RecoverySupport.signIn(new WebSession(env.baseUrl()), request,
                seeded.enrolled().user(), shown.get(0)));
    }
}
