package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.models.utils.Base32;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.AccountConsoleClient;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA on, on the real server: confirm, password, QR code, first code; what is stored, mailed and recorded; every way in. */
@VigiTest
class EnrolIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wholeFlowStoresKeycloaksOtpCredentialAndReturnsSuccess(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("enrol");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);

        Page confirm = enrolment.start();
        assertTrue(confirm.text().contains("VIGI VMS Cloud") && confirm.text().contains("VIGI App")
                && confirm.text().contains("VIGI Config Tool") && confirm.text().contains("VIGI VMS PC Client"),
                "confirm page names the guarded applications: " + confirm.text());
        assertFalse(confirm.text().contains("${client_"), confirm.text());

        Page password = enrolment.confirm(confirm);
        Flows.assertPage(password, Enrolment.PAGE_PASSWORD);
        assertTrue(password.document().selectFirst("label[for=password]") != null, "password input has a label");

        Page scan = enrolment.password(password, user.password());
        Flows.assertPage(scan, Enrolment.PAGE_SCAN);
        var otpInput = scan.document().selectFirst("#vigi-scan-form input#otp[name=otp]");
        assertTrue(otpInput != null, "code input #otp");
        assertEquals("one-time-code", otpInput.attr("autocomplete"));
        assertEquals("numeric", otpInput.attr("inputmode"));
        assertTrue(scan.text().contains("Google Authenticator") || scan.text().contains("FreeOTP"), "names apps that work: " + scan.text());
        assertTrue(env.otpCredentials(user.id()).isEmpty(), "nothing stored before the code");

        // The QR code and the manual key carry the same 160-bit secret and the realm policy.
        String grouped = scan.document().selectFirst("#vigi-secret").text();
        assertTrue(grouped.matches("([A-Z2-7]{4} )*[A-Z2-7]{1,4}"), "secret in groups of four: " + grouped);
        String key = Enrolment.manualKey(scan);
        assertTrue(Base32.decode(key).length >= 20, "at least 160 bits: " + key);
        URI uri = URI.create(Enrolment.qrText(scan));
        assertEquals("otpauth", uri.getScheme());
        assertEquals("totp", uri.getHost());
        assertEquals("/VIGI:" + user.username(), uri.getPath());
        Map<String, String> params = WebSession.query(uri.toString());
        assertEquals(key, params.get("secret"));
        assertEquals("VIGI", params.get("issuer"));
        assertEquals("SHA1", params.get("algorithm"));
        assertEquals("6", params.get("digits"));
        assertEquals("30", params.get("period"));

        Page end = enrolment.code(scan, Totp.ofBase32(key).now());
        enrolment.assertBackAtApp(end, "success");
        Grants.issued(Flows.tokens(enrolment.oauth, enrolment.request, end));

        List<CredentialRepresentation> otp = env.otpCredentials(user.id());
        assertEquals(1, otp.size(), "one OTP credential");
        JsonNode data = JSON.readTree(otp.get(0).getCredentialData());
        assertEquals("totp", data.get("subType").asText());
        assertEquals(6, data.get("digits").asInt());
        assertEquals(30, data.get("period").asInt());
        assertEquals("HmacSHA1", data.get("algorithm").asText());
        assertEquals("BASE32", data.get("secretEncoding").asText());

        EventRepresentation stored = Enrolment.event(env, user, "UPDATE_CREDENTIAL", "enabled")
                .orElseThrow(() -> new AssertionError("no UPDATE_CREDENTIAL event"));
        assertEquals("otp", stored.getDetails().get("credential_type"));
        assertEquals("vms-cloud", stored.getClientId());
        assertFalse(env.realm().getEvents(List.of("UPDATE_TOTP"), null, user.id(), null, null, null, 0, 10).isEmpty(), "UPDATE_TOTP recorded too");

        List<Mail> mails = env.inbox().to(user.email());
        assertEquals(1, mails.size(), "one notification mail");
        assertEquals(Enrolment.message("en", "vigi2faEnabledSubject", "VIGI"), mails.get(0).subject());
        assertTrue(mails.get(0).text().contains(user.username()), mails.get(0).text());
        assertTrue(mails.get(0).html().contains("<strong>" + user.username() + "</strong>"), mails.get(0).html());
        String notMe = mails.get(0).reportLink().orElseThrow(() -> new AssertionError("no \"This wasn't me\" link: " + mails.get(0).text()));
        assertTrue(mails.get(0).html().contains(notMe), "the html part carries it too: " + mails.get(0).html());
    }

    @Test
    void nextLoginAsksForTheCodeAndRefusesTheEnrolmentCode(VigiEnvironment env) {
        TestUser user = env.newUser("replay");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        Totp totp = Enrolment.phone(scan);
        long period = Math.floorDiv(Instant.now().getEpochSecond(), Totp.PERIOD);
        String enrolmentCode = totp.forPeriod(period);
        enrolment.assertBackAtApp(enrolment.code(scan, enrolmentCode), "success");

        Visit loginVisit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page codePage = loginVisit.passwordStep(user);
        Flows.assertPage(codePage, Flows.CODE_PAGE);

        Page replayed = loginVisit.code(codePage, enrolmentCode);
        Flows.assertPage(replayed, Flows.CODE_PAGE);
        assertFalse(replayed.isRedirect(), "the enrolment code must not sign in again");

        // a code of another period that is still in the window now, however long the steps above took
        long now = Math.floorDiv(Instant.now().getEpochSecond(), Totp.PERIOD);
        Page signedIn = loginVisit.code(replayed, totp.forPeriod(now == period ? period + 1 : now));
        Grants.issued(loginVisit.tokens(signedIn));
    }

    @Test
    void passwordIsAskedEvenSecondsAfterLogin(VigiEnvironment env) {
        TestUser user = env.newUser("fresh");
        WebSession browser = new WebSession(env.baseUrl());
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest login = oauth.authRequest(VigiClient.VMS_CLOUD);
        assertEquals(200, Flows.signInWithPassword(oauth, browser, login, user).get("status").asInt());

        Enrolment enrolment = Enrolment.from(env, user, browser, VigiClient.VMS_CLOUD, Enrolment.ACTION);
        Page password = enrolment.confirm(enrolment.startSignedIn());
        Flows.assertPage(password, Enrolment.PAGE_PASSWORD);
        Page scan = enrolment.password(password, user.password());
        enrolment.assertBackAtApp(enrolment.codeOfPhone(scan), "success");
        assertEquals(1, env.otpCredentials(user.id()).size());
    }

    @Test
    void accountConsoleSetUpAuthenticatorLandsOnTheVigiPages(VigiEnvironment env) {
        TestUser user = env.newUser("console");
        ConsoleSetUp setUp = ConsoleSetUp.start(env, user);
        WebSession browser = setUp.browser();
        Flows.assertPage(setUp.confirm(), Enrolment.PAGE_CONFIRM);
        Page password = browser.submit(setUp.confirm().form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Flows.assertPage(scan, Enrolment.PAGE_SCAN);
        Page end = browser.submit(scan.form("#vigi-scan-form"), Map.of("otp", Enrolment.phone(scan).now()));
        Map<String, String> back = setUp.console().returned(end);
        assertEquals(setUp.console().state(), back.get("state"));
        assertEquals("success", back.get("kc_action_status"), back.toString());
        assertEquals(1, env.otpCredentials(user.id()).size());
        assertEquals(1, env.inbox().to(user.email()).size(), "notification mail");
    }

    @Test
    void accountConsoleCancelReturnsCancelled(VigiEnvironment env) {
        TestUser user = env.newUser("consolecancel");
        ConsoleSetUp setUp = ConsoleSetUp.start(env, user);
        Page end = setUp.browser().submit(setUp.confirm().form("#vigi-enable-confirm-form"), Map.of("cancel-aia", "true"));
        assertEquals("cancelled", setUp.console().returned(end).get("kc_action_status"));
        assertTrue(env.otpCredentials(user.id()).isEmpty());
    }

    @Test
    void userWhoAlreadyHas2faGetsAClearPageNotASecondCredential(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("already");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, enrolled.user());
        Page codePage = Flows.passwordStep(enrolment.browser, enrolment.request, enrolled.user());
        Page already = Flows.code(enrolment.browser, codePage, enrolled.totp().now());
        Flows.assertPage(already, Enrolment.PAGE_ALREADY);
        assertTrue(already.text().contains("already"), already.text());
        Page end = enrolment.browser.submit(already.form("#vigi-enable-already-form"), Map.of("done", "true"));
        enrolment.assertBackAtApp(end, "success");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());
        assertTrue(env.inbox().to(enrolled.user().email()).isEmpty(), "nothing changed, nothing mailed");
    }

    @Test
    void parallelPostsOfTheRightCodeStoreOneCredential(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("parallel");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        String code = Enrolment.phone(scan).now();
        List<Integer> statuses = RawPosts.parallel(enrolment.browser, scan.form("#vigi-scan-form").absUrl("action"), Map.of("otp", code), 4);
        statuses.forEach(status -> assertTrue(status < 500, "no server error: " + statuses));
        assertEquals(1, env.otpCredentials(user.id()).size(), "exactly one credential");
    }

    @ParameterizedTest
    @EnumSource(value = VigiClient.class, names = {"VMS_LOCAL", "VIGI_APP", "PC_CLIENT"})
    void everyVigiApplicationCanStartTheFlow(VigiClient client, VigiEnvironment env) {
        TestUser user = env.newUser("aia");
        Enrolment enrolment = Enrolment.from(env, user, new WebSession(env.baseUrl()), client, Enrolment.ACTION);
        Page end = enrolment.enrol();
        enrolment.assertBackAtApp(end, "success");
        Grants.issued(Flows.tokens(enrolment.oauth, enrolment.request, end));
        assertEquals(1, env.otpCredentials(user.id()).size());
    }

    @Test
    void actionRequiredByTheAdministratorRunsTheSameFlowWithoutCancel(VigiEnvironment env) {
        TestUser user = env.newUser("required");
        UserRepresentation rep = env.realm().users().get(user.id()).toRepresentation();
        rep.setRequiredActions(List.of(Enrolment.ACTION));
        env.realm().users().get(user.id()).update(rep);

        Visit loginVisit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page confirm = loginVisit.passwordStep(user);
        Flows.assertPage(confirm, Enrolment.PAGE_CONFIRM);
        assertTrue(confirm.document().selectFirst("#vigi-cancel") == null, "no cancel when the administrator requires it");

        // A forged cancel does not skip the action: it starts over.
        Page restarted = loginVisit.browser().post(confirm.form("#vigi-enable-confirm-form").absUrl("action"), Map.of("cancel-aia", "true"));
        Flows.assertPage(restarted, Enrolment.PAGE_CONFIRM);

        Page password = loginVisit.browser().submit(restarted.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = loginVisit.browser().submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Page end = loginVisit.browser().submit(scan.form("#vigi-scan-form"), Map.of("otp", Enrolment.phone(scan).now()));
        Grants.issued(loginVisit.tokens(end));
        assertEquals(1, env.otpCredentials(user.id()).size());
        assertTrue(env.realm().users().get(user.id()).toRepresentation().getRequiredActions().isEmpty(), "required action done");
    }

    /** A fresh browser's "Set up authenticator application" in the account console (CONFIGURE_TOTP), password typed. */
    private record ConsoleSetUp(WebSession browser, AccountConsoleClient console, Page confirm) {

        static ConsoleSetUp start(VigiEnvironment env, TestUser user) {
            WebSession browser = new WebSession(env.baseUrl());
            AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
            Page confirm = Flows.password(browser, browser.get(console.authUrl("CONFIGURE_TOTP")), user.username(), user.password());
            return new ConsoleSetUp(browser, console, confirm);
        }
    }
}
