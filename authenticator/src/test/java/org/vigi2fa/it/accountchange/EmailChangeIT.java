package org.vigi2fa.it.accountchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.testing.Flows.CODE_PAGE;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The address the lost-phone link goes to changes only with the current code, counts only once the new mailbox
 * confirmed it, and the old address is told. The lost-phone path then pauses, and never uses an unverified address.
 */
@VigiTest
class EmailChangeIT {

    @Test
    void anAppTokenFromBefore2faCannotChangeTheAddress(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("mailtoken");
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        JsonNode tokens = Flows.signInWithPassword(oauth, new WebSession(env.baseUrl()), request, user);
        String oldToken = tokens.get("access_token").asText();
        env.addOtp(user.id());

        HttpResponse<String> response = AccountChangeSupport.updateAccount(env, oldToken, profile(user, "attacker@evil.test"));
        assertTrue(response.statusCode() >= 400, "refused: HTTP " + response.statusCode() + " " + response.body());
        assertEquals(user.email(), AccountChangeSupport.email(env, user), "the address is unchanged");
    }

    @Test
    void theAccountConsolesOwnTokenCannotChangeTheAddressWithoutTheCode(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("mailconsole");
        String token = AccountChangeSupport.accountConsoleToken(env, new WebSession(env.baseUrl()), enrolled.user(), enrolled.totp().now());
        assertEquals(200, AccountChangeSupport.getAccount(env, token).statusCode(), "the console's token is good for the account API");

        HttpResponse<String> response = AccountChangeSupport.updateAccount(env, token, profile(enrolled.user(), "attacker@evil.test"));
        // Keycloak's user profile: with UPDATE_EMAIL on, the address is read-only in the account context
        assertEquals(400, response.statusCode(), "refused: " + response.body());
        assertTrue(response.body().contains("ReadOnly") || response.body().contains("read-only") || response.body().contains("readOnly"),
                response.body());
        UserRepresentation stored = env.realm().users().get(enrolled.user().id()).toRepresentation();
        assertEquals(enrolled.user().email(), stored.getEmail(), "the address is unchanged");
        assertTrue(stored.isEmailVerified());
        // the same call without an address change still works: only the address is guarded
        HttpResponse<String> rename = AccountChangeSupport.updateAccount(env, token, profile(enrolled.user(), enrolled.user().email())
                .replace("\"lastName\":\"Test\"", "\"lastName\":\"Renamed\""));
        assertTrue(rename.statusCode() < 300, "profile update without address change: HTTP " + rename.statusCode() + " " + rename.body());
    }

    @Test
    void updateEmailAsksTheCodeThenCountsTheNewAddressOnlyOnceVerified(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("mailchange");
        TestUser user = enrolled.user();
        String newAddress = "new-" + user.email();
        Visit signIn = Visit.to(env, VigiClient.VMS_CLOUD);
        signIn.signInWithCode(user, enrolled.totp().now());

        Visit change = signIn.then(VigiClient.VMS_CLOUD, "kc_action", "UPDATE_EMAIL");
        Page codePage = change.open();
        Flows.assertPage(codePage, CODE_PAGE);
        assertTrue(codePage.text().contains("To change the e-mail address"), codePage.text());
        assertTrue(codePage.document().select("#vigi-lost-phone-form").isEmpty(), "no lost-phone link here");

        Page wrong = signIn.code(codePage, "12345");
        Flows.assertPage(wrong, CODE_PAGE);
        assertTrue(wrong.text().contains("6 digits"), wrong.text());
        Page emailPage = signIn.code(wrong, enrolled.totp().now(1));
        Page sent = signIn.browser().submit(emailPage.form("#kc-update-email-form"), Map.of("email", newAddress));
        assertFalse(sent.isRedirect(), sent.toString());
        assertEquals(user.email(), AccountChangeSupport.email(env, user), "nothing changes before the new mailbox confirms");

        List<String> links = env.inbox().actionLinks(newAddress);
        assertEquals(1, links.size(), "one confirmation link to the new address");
        Page confirmed = signIn.browser().get(links.get(0));
        assertTrue(confirmed.status() < 400, confirmed.toString() + " " + confirmed.text());
        UserRepresentation stored = env.realm().users().get(user.id()).toRepresentation();
        assertEquals(newAddress, stored.getEmail());
        assertTrue(stored.isEmailVerified());

        List<Mail> told = env.inbox().to(user.email(), "e-mail address of your");
        assertEquals(1, told.size(), "the old address is told");
        String text = told.get(0).text();
        assertFalse(text.contains(newAddress), "the new address is masked in the mail to the old one: " + text);
        assertTrue(text.contains("***"), text);
        assertTrue(told.get(0).reportLink().isPresent(), "\"This wasn't me\" link in the mail to the old address");

        TestUser moved = new TestUser(user.id(), user.username(), newAddress, user.password());
        Page refused = LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VIGI_APP, new EnrolledUser(moved, enrolled.totp()));
        Flows.assertPage(refused, CODE_PAGE);
        assertTrue(refused.text().contains("changed recently"), refused.text());
        assertTrue(env.inbox().to(newAddress, "Turn off two-factor").isEmpty(), "no link to the new address yet");
    }

    @Test
    void theLostPhoneLinkNeverGoesToAnUnverifiedAddress(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("mailunverified");
        UserRepresentation rep = env.realm().users().get(enrolled.user().id()).toRepresentation();
        rep.setEmailVerified(false);
        rep.setRequiredActions(List.of());
        env.realm().users().get(enrolled.user().id()).update(rep);

        Page refused = LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(refused, CODE_PAGE);
        assertTrue(refused.text().contains("not verified"), refused.text());
        assertTrue(env.inbox().to(enrolled.user().email()).isEmpty(), "nothing mailed");
    }

    private static String profile(TestUser user, String email) {
        return "{\"username\":\"" + user.username() + "\",\"email\":\"" + email + "\",\"firstName\":\"Test\",\"lastName\":\"Test\"}";
    }
}
