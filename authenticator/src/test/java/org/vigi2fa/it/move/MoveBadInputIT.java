package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Input the move does not expect gets a message on its page, never a server error; a user without 2FA is told so. */
@VigiTest
class MoveBadInputIT {

    @Test
    void withoutTwoFactorThereIsNothingToMove(VigiEnvironment env) {
        TestUser user = env.newUser("move-not-on");
        SignedIn signedIn = SignedIn.withPassword(env, user, VigiClient.VMS_CLOUD);
        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        Page page = MoveSupport.start(signedIn, request);
        assertTrue(page.text().contains("Two-factor authentication is not on for your account"), page.text());
        assertNull(page.document().selectFirst("input#password"), "no form to fill");
        MoveSupport.assertBackAtApp(MoveSupport.cancel(signedIn.browser(), page, MoveSupport.PROVE_FORM), request, "cancelled");
        assertTrue(env.otpCredentials(user.id()).isEmpty(), "nothing was added");
    }

    @Test
    void overlongAndOddInputIsAnsweredOnThePage(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-odd");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());
        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        Page prove = MoveSupport.start(signedIn, request);
        Page overlong = MoveSupport.prove(signedIn.browser(), prove, enrolled.user().password(), "7".repeat(5000));
        Flows.assertPage(overlong, MoveSupport.PAGE_PROVE);
        assertTrue(!overlong.document().select("#input-error-proof[role=alert]").isEmpty(), "the field says it: " + overlong.text());

        // a spaced code of the old phone is read as on every code field
        String code = oldPhone.next();
        Page scan = MoveSupport.prove(signedIn.browser(), overlong, enrolled.user().password(), code.substring(0, 3) + " " + code.substring(3));
        Flows.assertPage(scan, MoveSupport.PAGE_SCAN);
        Page letters = MoveSupport.newCode(signedIn.browser(), scan, "abcdef");
        Flows.assertPage(letters, MoveSupport.PAGE_SCAN);
        assertTrue(letters.text().contains("digits"), letters.text());

        String name = "Pixel 9 " + "x".repeat(400);
        Page end = signedIn.browser().submit(letters.form(MoveSupport.SCAN_FORM),
                Map.of("otp", MoveSupport.newPhone(letters).now(), "userLabel", name));
        MoveSupport.assertBackAtApp(end, request, "success");
        assertEquals(name.substring(0, 255), env.otpCredentials(enrolled.user().id()).get(0).getUserLabel(), "the new name, cut to fit");
    }
}
