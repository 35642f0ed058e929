package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.requestLink;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** The link is bound to the address it was sent to and to the password of that moment, like Keycloak's reset link. */
@VigiTest
class LostPhoneLinkBindingIT {

    private static final String STALE = "no longer valid";

    @Test
    void anAddressChangeKillsALinkAlreadyMailed(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("bindmail");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());

        UserRepresentation rep = env.realm().users().get(enrolled.user().id()).toRepresentation();
        rep.setEmail("moved-" + enrolled.user().email());
        env.realm().users().get(enrolled.user().id()).update(rep);

        assertStaleAndHarmless(env, enrolled, link);
    }

    @Test
    void aPasswordChangeKillsALinkAlreadyMailed(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("bindpw");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());

        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Another-Horse-31");
        password.setTemporary(false);
        env.realm().users().get(enrolled.user().id()).resetPassword(password);

        assertStaleAndHarmless(env, enrolled, link);
    }

    private static void assertStaleAndHarmless(VigiEnvironment env, EnrolledUser enrolled, String link) {
        WebSession browser = new WebSession(env.baseUrl());
        Page opened = browser.get(link);
        assertTrue(opened.status() < 500, opened.toString());
        assertTrue(opened.text().contains(STALE), "stale link: " + opened.text());
        assertTrue(opened.document().select("#vigi-lost-confirm-form").isEmpty(), "no confirm button on a stale link");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "2FA stays on");
        assertTrue(env.inbox().to(enrolled.user().email(), "was turned off").isEmpty());
    }
}
