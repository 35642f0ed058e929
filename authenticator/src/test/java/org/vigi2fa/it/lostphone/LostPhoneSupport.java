package org.vigi2fa.it.lostphone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.OtpSeed;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps and checks the lost-phone and disable tests share: code page, SMTP, re-enrolment, events. */
public final class LostPhoneSupport {

    private LostPhoneSupport() {
    }

    /** Signs in with the password up to the code page. */
    public static Page codePage(VigiEnvironment env, WebSession browser, VigiClient client, EnrolledUser enrolled) {
        return Flows.codePage(browser, new OAuth(env.realmUrl()).authRequest(client), enrolled.user());
    }

    /** Clicks "Can't use your authenticator app?". */
    public static Page clickLostPhone(WebSession browser, Page codePage) {
        return browser.submit(codePage.form("#vigi-lost-phone-form"), Map.of());
    }

    /** Signs in up to the code page and asks for the link; returns the page shown ("check your mailbox"). */
    public static Page requestLink(VigiEnvironment env, WebSession browser, VigiClient client, EnrolledUser enrolled) {
        return clickLostPhone(browser, codePage(env, browser, client, enrolled));
    }

    /**
     * The whole lost-phone path from a fresh browser: asks for the link, opens it on another device and confirms with
     * the password; asserts the "2FA is off" page.
     */
    public static void turnOffByLink(VigiEnvironment env, EnrolledUser enrolled) {
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        WebSession otherDevice = new WebSession(env.baseUrl());
        Page confirm = otherDevice.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(otherDevice.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password())),
                "login-vigi-2fa-lost-done");
    }

    /** Points the realm's SMTP port somewhere closed; returns the previous port to restore in finally. */
    public static String breakSmtp(VigiEnvironment env) {
        String previous = env.realm().toRepresentation().getSmtpServer().get("port");
        setSmtpPort(env, "1");
        return previous;
    }

    public static void restoreSmtp(VigiEnvironment env, String port) {
        setSmtpPort(env, port);
    }

    private static void setSmtpPort(VigiEnvironment env, String port) {
        Map<String, String> smtp = new HashMap<>(env.realm().toRepresentation().getSmtpServer());
        smtp.put("port", port);
        RealmRepresentation change = new RealmRepresentation();
        change.setSmtpServer(smtp);
        env.realm().update(change);
    }

    /**
     * Re-enrols the user with a new OTP credential (new id, new secret), keeping the user id: the way a user who set
     * up a new phone looks to the server. Done by overwriting the user through the admin partial import.
     */
    public static EnrolledUser reEnrol(VigiEnvironment env, EnrolledUser enrolled) {
        UserRepresentation user = new UserRepresentation();
        user.setId(enrolled.user().id());
        user.setUsername(enrolled.user().username());
        user.setEmail(enrolled.user().email());
        user.setEmailVerified(true);
        user.setFirstName("Test");
        user.setLastName("reenrolled");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(enrolled.user().password());
        OtpSeed otp = OtpSeed.fresh("new phone");
        user.setCredentials(List.of(password, otp.credential()));
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setUsers(List.of(user));
        partial.setIfResourceExists(PartialImportRepresentation.Policy.OVERWRITE.name());
        try (var response = env.realm().partialImport(partial)) {
            if (response.getStatus() != 200) {
                throw new IllegalStateException("Re-enrolment failed: HTTP " + response.getStatus());
            }
        }
        return new EnrolledUser(enrolled.user(), otp.totp());
    }

    /** Stored events of the user of the given types (admin events API). */
    public static List<EventRepresentation> events(VigiEnvironment env, String userId, String... types) {
        return env.realm().getEvents(List.of(types), null, userId, null, null, null, 0, 200);
    }
}
