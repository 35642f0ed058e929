package org.vigi2fa.it.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "Recent security activity" (kc_action vigi-2fa-activity): the user's own rows only, in the user's language, the
 * application by its name, "This wasn't me" beside a sign-in, and "Back to account settings" ends the action.
 */
@VigiTest
class ActivityPageIT {

    @Test
    void aUserSeesOwnRowsOnlyAndTheBackButtonEndsTheAction(VigiEnvironment env) {
        EnrolledUser a = env.newUserWithOtp("page-a");
        EnrolledUser b = env.newUserWithOtp("page-b");
        SignedIn signedInA = SignedIn.withCode(env, a, VigiClient.VMS_CLOUD);
        SignedIn signedInB = SignedIn.withCode(env, b, VigiClient.VMS_LOCAL);

        Page pageA = ActivityPages.open(signedInA);
        List<Element> rowsA = ActivityPages.rows(pageA);
        assertEquals(1, rowsA.size(), pageA.text());
        assertEquals("vigi2faActivity.sign-in-code", rowsA.get(0).attr("data-kind"));
        assertTrue(rowsA.get(0).text().contains("Signed in with the authenticator code"), rowsA.get(0).text());
        assertTrue(rowsA.get(0).text().contains("VIGI VMS Cloud"), "the application by its name: " + rowsA.get(0).text());
        assertTrue(rowsA.get(0).selectFirst("time").attr("datetime").endsWith("Z"), "an instant for the browser's zone");
        assertTrue(rowsA.get(0).selectFirst("time").text().endsWith("UTC"), "the server's fallback names its zone");
        assertNotNull(rowsA.get(0).selectFirst("a.vigi-2fa-activity-report[href*=action-token]"), "\"This wasn't me\" on a sign-in");

        // B's page holds B's sign-in to VMS Local and nothing of A's
        Page pageB = ActivityPages.open(signedInB);
        List<Element> rowsB = ActivityPages.rows(pageB);
        assertEquals(1, rowsB.size(), pageB.text());
        assertTrue(rowsB.get(0).text().contains("VIGI VMS Local"), rowsB.get(0).text());
        assertTrue(!pageB.text().contains("VIGI VMS Cloud"), "none of A's rows: " + pageB.text());

        Page back = signedInA.browser().submit(pageA.form("#vigi-activity-form"), Map.of("back", "true"));
        assertTrue(back.isRedirect(), back.text());
        assertTrue(back.redirect().startsWith(VigiClient.VMS_CLOUD.redirectUri), back.redirect());
        assertNull(back.redirectParams().get("error"), back.redirect());
    }

    @Test
    void thePageSpeaksTheUsersLanguage(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("page-de");
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl()).language("de");
        Flows.signInWithCode(oauth, browser, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user(), enrolled.totp().now());
        Page page = browser.get(oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-activity", "ui_locales", "de").url());
        assertTrue(page.text().contains("Letzte Sicherheitsaktivitäten"), page.text());
        assertTrue(page.text().contains("Mit dem Authenticator-Code angemeldet"), page.text());
        assertTrue(page.text().contains("Zurück zu den Kontoeinstellungen"), page.text());
        assertTrue(page.text().contains("Das war ich nicht"), page.text());
    }
}
