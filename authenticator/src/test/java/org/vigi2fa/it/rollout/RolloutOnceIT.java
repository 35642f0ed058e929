package org.vigi2fa.it.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.VigiClient;

/** A double-click on "Remind me later" spends one postponement, and both clicks end back at the application. */
@VigiTest
class RolloutOnceIT {

    private static final Set<String> LATE_ANSWERS = Set.of("login-login-page-expired", "login-login", RolloutSupport.PAGE);

    @Test
    void doubleClickOnRemindMeLaterCountsOnce(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("rollout-double");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id()),
                "postponements", "2"));
        try {
            Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
            Page asked = visit.passwordStep(user);
            Flows.assertPage(asked, RolloutSupport.PAGE);
            List<Page> answers = Parallel.doubleSubmit(visit.browser(),
                    tab -> tab.submit(asked.form("#vigi-rollout-form"), Map.of("later", "true")));
            // One click takes the browser back to the application. A twin that arrives once the first moved the
            // login on is answered by Keycloak ("Page has expired", or its sign-in page), or, on a cluster node whose
            // copy of the login was read before the first click ended, by this page again, saying what is left.
            assertTrue(answers.stream().anyMatch(a -> a.isRedirect() && a.redirect().startsWith(visit.request().client().redirectUri)),
                    "back to the application: " + answers);
            for (Page answer : answers) {
                assertTrue(answer.isRedirect() || LATE_ANSWERS.contains(answer.pageId()), "a late twin: " + answer);
            }
            assertEquals(List.of("rollout-postponed"), RolloutSupport.events(env, user.id()));
            Page next = Visit.to(env, VigiClient.VMS_CLOUD).passwordStep(user);
            assertTrue(next.document().selectFirst("#vigi-rollout-later").text().contains("(1 left)"), next.text());
        } finally {
            RolloutSupport.restore(env, before);
        }
    }
}
