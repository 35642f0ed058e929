package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.VigiClient;

/** What the turn-on pages and mail say: the browser's language, the user's language in the mail, the issuer from the settings. */
@VigiTest
class EnrolWordingIT {

    @Test
    void russianUserGetsTheRussianMail(VigiEnvironment env) {
        TestUser user = env.newUser("ru");
        UserRepresentation rep = env.realm().users().get(user.id()).toRepresentation();
        rep.singleAttribute("locale", "ru");
        env.realm().users().get(user.id()).update(rep);

        Enrolment.fromVmsCloud(env, user).enrol();

        List<Mail> mails = env.inbox().to(user.email());
        assertEquals(1, mails.size());
        assertEquals(Enrolment.message("ru", "vigi2faEnabledSubject", "VIGI"), mails.get(0).subject());
        assertTrue(mails.get(0).text().contains(Enrolment.message("ru", "vigi2faEnabledBody", "VIGI", user.username())), mails.get(0).text());
        assertTrue(mails.get(0).html().contains(user.username()), mails.get(0).html());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "de", "es", "fr", "zh-CN"})
    void pagesSpeakTheBrowsersLanguage(String language, VigiEnvironment env) {
        TestUser user = env.newUser("lang");
        String bundle = language.replace('-', '_');
        Enrolment enrolment = Enrolment.from(env, user, new WebSession(env.baseUrl()).language(language), VigiClient.VMS_CLOUD, Enrolment.ACTION);
        Page confirm = enrolment.start();
        assertEquals(Enrolment.message(bundle, "vigi2faEnableTitle"), confirm.document().selectFirst("#kc-page-title").text());
        Page password = enrolment.confirm(confirm);
        assertEquals(Enrolment.message(bundle, "vigi2faEnablePasswordTitle"), password.document().selectFirst("#kc-page-title").text());
        Page wrong = enrolment.password(password, "not-the-password");
        assertTrue(wrong.text().contains(Enrolment.message(bundle, "vigi2faPasswordWrong")), wrong.messages());
        Page scan = enrolment.password(wrong, user.password());
        assertEquals(Enrolment.message(bundle, "vigi2faEnableScanTitle"), scan.document().selectFirst("#kc-page-title").text());
    }

    @Test
    void issuerComesFromTheSettingsWhenConfigured(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("issuer", "VIGI Lab & Co"));
        try {
            TestUser user = env.newUser("issuer");
            Page scan = Enrolment.fromVmsCloud(env, user).toScan();
            URI uri = URI.create(Enrolment.qrText(scan));
            assertTrue(uri.getRawPath().startsWith("/VIGI%20Lab%20%26%20Co:"), uri.toString());
            assertEquals("/VIGI Lab & Co:" + user.username(), uri.getPath());
            assertEquals("VIGI Lab & Co", WebSession.query(uri.toString()).get("issuer"));
            assertTrue(scan.text().contains("VIGI Lab & Co"), "issuer named for manual entry: " + scan.text());
        } finally {
            VigiSettings.restore(env, previous);
        }
    }
}
