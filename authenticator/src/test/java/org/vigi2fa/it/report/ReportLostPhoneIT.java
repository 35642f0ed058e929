package org.vigi2fa.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.vigi2fa.it.accountchange.AccountChangeSupport;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "This wasn't me" on the "2FA turned off" mail closes the lost-phone path (whoever turned it off may hold the
 * mailbox): asking for a link is refused and a link already mailed is dead, until a sign-in with the code.
 */
@VigiTest
class ReportLostPhoneIT {

    private static final String BLOCKED = "This wasn't me";

    @Test
    void turnedOffReportClosesTheLostPhonePathUntilASignInWithTheCode(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("requestCooldownSeconds", "0"));
        try {
            TurnedOffThenBack turnedOff = TurnedOffThenBack.of(env, "notmeoff");
            EnrolledUser enrolled = turnedOff.enrolled();
            // the owner asks for a link before reading the mail
            requestLink(env, enrolled);
            String lostLink = env.inbox().latestActionLink(enrolled.user().email());

            Page confirm = ReportSupport.open(env, turnedOff.report());
            assertTrue(confirm.text().contains("blocked"), "the confirm page says the lost-phone path closes: " + confirm.text());
            Flows.assertPage(ReportSupport.confirm(env, confirm), ReportSupport.DONE_PAGE);

            Page dead = new WebSession(env.baseUrl()).get(lostLink);
            assertEquals(400, dead.status(), dead.toString());
            assertTrue(dead.text().contains(BLOCKED), "the mailed link says why: " + dead.text());

            Flows.assertRefused(requestLink(env, enrolled), BLOCKED);
            assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "the authenticator stays");

            // a sign-in with the code opens the path again (and goes on to the new password the report asked for)
            ReportSupport.clearLockout(env, enrolled.user().id());
            WebSession browser = new WebSession(env.baseUrl());
            Page codePage = Flows.codePage(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
            Page next = Flows.code(browser, codePage, enrolled.totp().now());
            assertNotNull(next.document().selectFirst("#kc-passwd-update-form"), "new password asked: " + next + " " + next.text());
            Flows.assertPage(requestLink(env, enrolled), "login-vigi-2fa-lost-sent");
        } finally {
            VigiSettings.restore(env, previous);
        }
    }

    /** The pause after an e-mail change ends after 72 h; a report of that change keeps the path closed beyond it. */
    @Test
    void emailChangedReportKeepsThePathClosedAfterThePause(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("requestCooldownSeconds", "0"));
        try {
            Totp.awayFromPeriodEdge();
            EnrolledUser before = env.newUserWithOtp("notmemail");
            TestUser moved = AccountChangeSupport.changeEmail(env, before, "new-" + before.user().email());
            String report = ReportSupport.reportLink(env, before.user().email(), "e-mail address of your");
            Flows.assertPage(ReportSupport.confirm(env, ReportSupport.open(env, report)), ReportSupport.DONE_PAGE);
            EnrolledUser enrolled = new EnrolledUser(moved, before.totp());

            ReportSupport.clearLockout(env, enrolled.user().id());
            // no admin call after this: the admin client's token is from before the move
            env.moveClock(72 * 3600 + 60);
            Page refused = LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
            Flows.assertRefused(refused, BLOCKED);
            assertTrue(env.inbox().to(moved.email(), "Turn off two-factor").isEmpty(), "no link mailed");
        } finally {
            env.moveClock(0);
            VigiSettings.restore(env, previous);
        }
    }

    @Test
    void anAdministratorOpensThePathByRemovingTheAttribute(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("requestCooldownSeconds", "0"));
        UPConfig profile = env.realm().users().userProfile().getConfiguration();
        UPConfig.UnmanagedAttributePolicy policy = profile.getUnmanagedAttributePolicy();
        try {
            TurnedOffThenBack turnedOff = TurnedOffThenBack.of(env, "notmeadmin");
            EnrolledUser enrolled = turnedOff.enrolled();
            Flows.assertPage(ReportSupport.confirm(env, ReportSupport.open(env, turnedOff.report())), ReportSupport.DONE_PAGE);
            Flows.assertRefused(requestLink(env, enrolled), BLOCKED);

            // the help desk: "Unmanaged attributes: admin can edit", then the user's Attributes tab
            profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
            env.realm().users().userProfile().update(profile);
            UserRepresentation user = env.realm().users().get(enrolled.user().id()).toRepresentation();
            assertNotNull(user.getAttributes().remove("vigi-2fa.lost-phone-blocked"), "the admin sees the attribute");
            env.realm().users().get(enrolled.user().id()).update(user);

            Flows.assertPage(requestLink(env, enrolled), "login-vigi-2fa-lost-sent");
        } finally {
            profile.setUnmanagedAttributePolicy(policy);
            env.realm().users().userProfile().update(profile);
            VigiSettings.restore(env, previous);
        }
    }

    /** Asks for a lost-phone link in a fresh browser, the user's earlier failures forgotten first (see clearLockout). */
    private static Page requestLink(VigiEnvironment env, EnrolledUser enrolled) {
        ReportSupport.clearLockout(env, enrolled.user().id());
        return LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
    }

    /** A user who turned 2FA off by link, then set up a new phone: the user with it, and the off mail's report link. */
    private record TurnedOffThenBack(EnrolledUser enrolled, String report) {

        static TurnedOffThenBack of(VigiEnvironment env, String prefix) {
            Totp.awayFromPeriodEdge();
            EnrolledUser first = env.newUserWithOtp(prefix);
            LostPhoneSupport.turnOffByLink(env, first);
            String report = ReportSupport.reportLink(env, first.user().email(), ReportSupport.OFF_SUBJECT);
            return new TurnedOffThenBack(new EnrolledUser(first.user(), env.addOtp(first.user().id())), report);
        }
    }
}
