package org.vigi2fa.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps and checks of the "This wasn't me" tests: the link of a mail, its pages, and what confirming left behind. */
final class ReportSupport {

    static final String CONFIRM_PAGE = "login-vigi-2fa-report-confirm";
    static final String DONE_PAGE = "login-vigi-2fa-report-done";
    static final String CONFIRM_FORM = "#vigi-report-confirm-form";
    static final String TRUSTED_SUBJECT = "skips the 2FA code";
    static final String OFF_SUBJECT = "was turned off";
    static final String USED = "already used";

    private ReportSupport() {
    }

    /** The "This wasn't me" link of the newest mail to the address whose subject contains the text. */
    static String reportLink(VigiEnvironment env, String address, String subjectPart) {
        List<Mail> mails = env.inbox().to(address, subjectPart);
        assertEquals(false, mails.isEmpty(), "a mail '" + subjectPart + "' to " + address);
        return mails.get(mails.size() - 1).reportLink()
                .orElseThrow(() -> new AssertionError("no \"This wasn't me\" link in '" + subjectPart + "'"));
    }

    /** Opens the link in a fresh browser (GET): the confirm page. */
    static Page open(VigiEnvironment env, String link) {
        Page page = new WebSession(env.baseUrl()).get(link);
        Flows.assertPage(page, CONFIRM_PAGE);
        return page;
    }

    /** Presses the confirm button of a confirm page in a fresh browser. */
    static Page confirm(VigiEnvironment env, Page confirmPage) {
        return new WebSession(env.baseUrl()).submit(confirmPage.form(CONFIRM_FORM), Map.of());
    }

    /** Signs in to VMS Cloud with the code, ticking "Don't ask again on this device"; returns the browser. */
    static WebSession trustDevice(VigiEnvironment env, EnrolledUser enrolled, String code) {
        return SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, code).browser();
    }

    /** The user's events of a confirmed report. */
    static List<EventRepresentation> reports(VigiEnvironment env, String userId) {
        return env.realm().getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null, userId, null, null, null, 0, 200).stream()
                .filter(e -> e.getError() == null && e.getDetails() != null && "reported-not-me".equals(e.getDetails().get("vigi_2fa")))
                .toList();
    }

    static UserRepresentation user(VigiEnvironment env, String userId) {
        return env.realm().users().get(userId).toRepresentation();
    }

    /**
     * Forgets the user's failures: every lost-phone request counts one, and two within Keycloak's quick-login check
     * (1 s) lock the password form. The lockout is not what these tests are about.
     */
    static void clearLockout(VigiEnvironment env, String userId) {
        env.realm().attackDetection().clearBruteForceForUser(userId);
    }

    static List<CredentialRepresentation> trustedDevices(VigiEnvironment env, String userId) {
        return env.realm().users().get(userId).credentials().stream().filter(c -> "vigi-trusted-device".equals(c.getType())).toList();
    }
}
