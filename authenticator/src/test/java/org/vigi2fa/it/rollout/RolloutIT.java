package org.vigi2fa.it.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.rollout.RolloutSupport.ENROL_PAGE;
import static org.vigi2fa.it.rollout.RolloutSupport.PAGE;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.activity.ActivityRows;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The rollout policy as a covered user meets it: "Remind me later" while postponements are left (with honest tokens),
 * then straight to enrolment; a past deadline at once; nobody outside the policy is asked; the grace is given once.
 */
@VigiTest
class RolloutIT {

    @Test
    void twoPostponementsThenEnrolmentIsForced(VigiEnvironment env) {
        TestUser user = env.newUser("rollout-later");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id()),
                "postponements", "2"));
        try {
            for (int left = 2; left > 0; left--) {
                Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
                Page asked = visit.passwordStep(user);
                Flows.assertPage(asked, PAGE);
                assertTrue(asked.document().selectFirst("#vigi-rollout-later").text().contains("(" + left + " left)"), asked.text());
                JsonNode tokens = Grants.issued(visit.tokens(visit.browser().submit(asked.form("#vigi-rollout-form"),
                        Map.of("later", "true"))), "postponed with " + left + " left");
                // a postponed sign-in is a password sign-in, and its tokens say so
                JsonNode claims = OAuth.claims(tokens.get("access_token").asText());
                assertEquals("1", claims.path("acr").asText(), claims.toString());
                assertFalse(claims.path("amr").toString().contains("otp"), claims.toString());
            }
            Page third = Visit.to(env, VigiClient.VMS_CLOUD).passwordStep(user);
            Flows.assertPage(third, ENROL_PAGE);
            assertEquals(List.of("rollout-postponed", "rollout-postponed", "rollout-forced"), RolloutSupport.events(env, user.id()));
            // the user's security activity lists both postponements
            assertEquals(2, ActivityRows.ofKind(env, user.id(), "rollout-postponed").size());
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    @Test
    void turnItOnNowLeadsToEnrolmentAndThenTheCode(VigiEnvironment env) {
        TestUser user = env.newUser("rollout-now");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id())));
        try {
            Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
            Page asked = visit.passwordStep(user);
            Flows.assertPage(asked, PAGE);
            assertTrue(asked.document().selectFirst("#vigi-rollout-later").text().contains("(3 left)"), "the default: three");
            Page enrol = visit.browser().submit(asked.form("#vigi-rollout-form"), Map.of("now", "true"));
            Flows.assertPage(enrol, ENROL_PAGE);
            assertEquals(List.of("rollout-turn-on-now"), RolloutSupport.events(env, user.id()));
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    @Test
    void aDeadlineInThePastForcesEnrolmentAtOnce(VigiEnvironment env) {
        TestUser user = env.newUser("rollout-late");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id()),
                "deadline", "2020-01-31"));
        try {
            Flows.assertPage(Visit.to(env, VigiClient.VMS_CLOUD).passwordStep(user), ENROL_PAGE);
            assertEquals(List.of("rollout-forced"), RolloutSupport.events(env, user.id()));
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    @Test
    void aFutureDeadlineIsShownAndPostponingIsAllowed(VigiEnvironment env) {
        TestUser user = env.newUser("rollout-date");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id()),
                "deadline", "2099-03-31"));
        try {
            Page asked = Visit.to(env, VigiClient.VMS_CLOUD).passwordStep(user);
            Flows.assertPage(asked, PAGE);
            assertEquals("2099-03-31T00:00:00Z", asked.document().selectFirst("#vigi-rollout-deadline time").attr("datetime"));
            assertTrue(asked.document().selectFirst("#vigi-rollout-deadline").text().contains("2099"), asked.text());
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    @Test
    void usersOutsideThePolicyAreNeverAsked(VigiEnvironment env) {
        TestUser inside = env.newUser("rollout-in");
        TestUser outside = env.newUser("rollout-out");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, inside.id())));
        try {
            Grants.issued(Visit.to(env, VigiClient.VMS_CLOUD).signInWithPassword(outside), "outside the policy");
            assertEquals(List.of(), RolloutSupport.events(env, outside.id()));
            Flows.assertPage(Visit.to(env, VigiClient.VMS_CLOUD).passwordStep(inside), PAGE);
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    @Test
    void anSsoSignInToAnotherApplicationDoesNotAskAgain(VigiEnvironment env) {
        TestUser user = env.newUser("rollout-sso");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id())));
        try {
            Visit cloud = Visit.to(env, VigiClient.VMS_CLOUD);
            Page asked = cloud.passwordStep(user);
            Grants.issued(cloud.tokens(cloud.browser().submit(asked.form("#vigi-rollout-form"), Map.of("later", "true"))));
            Visit app = cloud.then(VigiClient.VIGI_APP);
            Grants.issued(app.tokens(app.open()), "the VIGI App through the SSO session, not asked again");
            assertEquals(List.of("rollout-postponed"), RolloutSupport.events(env, user.id()));
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    @Test
    void aHelpDeskResetDoesNotReopenTheGrace(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("rollout-reset");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, enrolled.user().id())));
        try {
            // signed in with 2FA while covered: nothing to ask
            Grants.issued(Visit.to(env, VigiClient.VMS_CLOUD).signInWithCode(enrolled.user(), enrolled.totp().now()), "with the code");
            // the help desk removes the authenticator
            var user = env.realm().users().get(enrolled.user().id());
            user.credentials().stream().filter(c -> "otp".equals(c.getType())).forEach(c -> user.removeCredential(c.getId()));
            Flows.assertPage(Visit.to(env, VigiClient.VMS_CLOUD).passwordStep(enrolled.user()), ENROL_PAGE);
            assertEquals(List.of("rollout-forced"), RolloutSupport.events(env, enrolled.user().id()));
            assertNull(user.toRepresentation().getAttributes() == null ? null
                    : user.toRepresentation().getAttributes().get("vigi-2fa-rollout-postponed"), "never postponed");
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    @Test
    void aUserAnAdministratorAlreadyRequiredToSetUp2faIsNotAskedTwice(VigiEnvironment env) {
        TestUser user = env.newUser("rollout-required");
        var rep = env.realm().users().get(user.id()).toRepresentation();
        rep.setRequiredActions(List.of("CONFIGURE_TOTP"));
        env.realm().users().get(user.id()).update(rep);
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id())));
        try {
            Flows.assertPage(Visit.to(env, VigiClient.VMS_CLOUD).passwordStep(user), ENROL_PAGE);
            assertEquals(List.of(), RolloutSupport.events(env, user.id()));
        } finally {
            RolloutSupport.restore(env, before);
        }
    }
}
