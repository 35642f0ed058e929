package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.account.AccountView;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;

/** The optional name on the scan page: stored as the credential's label, as text, cut to Keycloak's limit, never a 5xx. */
@VigiTest
class AuthenticatorNameIT {

    private static final String HTML_NAME = "  <b>Pixel</b> \"8\" & <script>alert(1)</script>  ";

    @Test
    void aNameWithHtmlIsKeptAsTextAndEscapedOnThePage(VigiEnvironment env) {
        TestUser user = env.newUser("namehtml");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        String key = Enrolment.manualKey(scan);

        // A wrong code shows the page again with the typed name, escaped: one text value, no element of its own.
        Page again = enrolment.code(scan, Totp.ofBase32(key).wrongNow(), HTML_NAME);
        assertEquals(200, again.status());
        Flows.assertPage(again, Enrolment.PAGE_SCAN);
        Element input = again.document().selectFirst("#userLabel");
        assertEquals(HTML_NAME.strip(), input.attr("value"));
        assertFalse(again.body().contains("<script>alert(1)</script>"), "the name is escaped in the page");
        assertTrue(again.document().select("#vigi-scan-form b, #vigi-scan-form script").isEmpty(), "no markup from the name");

        Page end = enrolment.code(again, Totp.ofBase32(key).now(), input.attr("value"));
        enrolment.assertBackAtApp(end, "success");
        assertEquals(HTML_NAME.strip(), env.otpCredentials(user.id()).get(0).getUserLabel(), "stored as the user typed it, trimmed");
    }

    @Test
    void aNameOf500CharactersIsCutToKeycloaksLabelLimit(VigiEnvironment env) {
        TestUser user = env.newUser("namelong");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        // 499 letters and an emoji whose two halves straddle the cut: the cut never splits it
        String name = "P".repeat(254) + "\uD83D\uDCF1" + "x".repeat(244);
        Page end = enrolment.code(scan, Enrolment.phone(scan).now(), name);
        enrolment.assertBackAtApp(end, "success");
        assertEquals("P".repeat(254), env.otpCredentials(user.id()).get(0).getUserLabel());
    }

    @Test
    void onlySpacesOrNoNameGiveTheDefaultLabel(VigiEnvironment env) throws Exception {
        for (String name : new String[] {" \t  ", null}) {
            TestUser user = env.newUser("namespaces");
            Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
            Page scan = enrolment.toScan();
            Totp phone = Enrolment.phone(scan);
            Page end = name == null ? enrolment.code(scan, phone.now()) : enrolment.code(scan, phone.now(), name);
            enrolment.assertBackAtApp(end, "success");
            assertNull(env.otpCredentials(user.id()).get(0).getUserLabel(), "no label: the console's default 'Authenticator app'");
            assertNull(AccountView.userLabel(AccountView.otpType(env, AccountView.consoleToken(env, user, phone.now(1)))));
        }
    }

    @Test
    void theScanPageOffersTheNameWithKeycloaksLimit(VigiEnvironment env) {
        Page scan = Enrolment.fromVmsCloud(env, env.newUser("namefield")).toScan();
        Element input = scan.document().selectFirst("#vigi-scan-form input#userLabel[name=userLabel]");
        assertTrue(input != null, "a name field on " + scan);
        assertEquals("255", input.attr("maxlength"));
        assertFalse(input.hasAttr("required"), "the name is optional");
        assertTrue(scan.document().selectFirst("label[for=userLabel]") != null, "the field has a label");
    }
}
