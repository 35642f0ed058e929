package org.vigi2fa.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "This wasn't me" confirmed from the "new trusted device" mail: every consequence, one assertion each, and the one
 * thing it must not do (remove the authenticator).
 */
@VigiTest
class ReportConsequencesIT {

    private static EnrolledUser enrolled;
    private static SignedIn app;
    private static SignedIn pc;
    private static Page done;

    @BeforeAll
    static void reportTheTrustedDeviceMail(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        enrolled = env.newUserWithOtp("notme");
        ReportSupport.trustDevice(env, enrolled, enrolled.totp().now(-1));
        app = SignedIn.offlineWithCode(env, enrolled, VigiClient.VIGI_APP, enrolled.totp().now());
        pc = SignedIn.withCode(env, enrolled, VigiClient.PC_CLIENT, enrolled.totp().now(1));

        String link = ReportSupport.reportLink(env, enrolled.user().email(), ReportSupport.TRUSTED_SUBJECT);
        done = ReportSupport.confirm(env, ReportSupport.open(env, link));
    }

    @Test
    void showsTheDonePage() {
        Flows.assertPage(done, ReportSupport.DONE_PAGE);
    }

    @Test
    void endsEveryOnlineSession() {
        pc.assertSignedOut("the PC client's refresh token is dead");
    }

    @Test
    void endsEveryOfflineToken(VigiEnvironment env) {
        app.assertSignedOut("the App's offline token is dead");
    }

    @Test
    void leavesNoOfflineSession(VigiEnvironment env) {
        assertTrue(env.realm().users().get(enrolled.user().id()).getOfflineSessions(
                env.realm().clients().findByClientId("vigi-app").get(0).getId()).isEmpty(), "no offline session left");
    }

    @Test
    void endsTrustedDevices(VigiEnvironment env) {
        assertTrue(ReportSupport.trustedDevices(env, enrolled.user().id()).isEmpty(), "no trusted device left");
    }

    @Test
    void requiresANewPassword(VigiEnvironment env) {
        assertTrue(ReportSupport.user(env, enrolled.user().id()).getRequiredActions().contains("UPDATE_PASSWORD"));
    }

    @Test
    void recordsOneEventNamingTheMail(VigiEnvironment env) {
        List<EventRepresentation> reports = ReportSupport.reports(env, enrolled.user().id());
        assertEquals(List.of("trusted-device"), reports.stream().map(e -> e.getDetails().get("vigi_2fa_mail_kind")).toList());
    }

    @Test
    void keepsTheAuthenticator(VigiEnvironment env) {
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "the authenticator stays");
    }
}
