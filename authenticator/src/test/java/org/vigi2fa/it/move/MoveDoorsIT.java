package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.account.AccountView;
import org.vigi2fa.it.disable.DisableSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.AccountConsoleClient;

/**
 * With 2FA on, every door to a second authenticator leads to the move instead: the account console's "Update" of the
 * authenticator, and Keycloak's CONFIGURE_TOTP (the console's set-up link), whose "already on" page offers the move.
 */
@VigiTest
class MoveDoorsIT {

    private static final String PAGE_ALREADY = "login-vigi-2fa-enable-already";

    @Test
    void theConsoleOffersTheMoveAsTheAuthenticatorsUpdateAndShowsWhenItMoved(VigiEnvironment env) throws Exception {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-console");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = Flows.password(browser, browser.get(console.authUrl()), enrolled.user().username(), enrolled.user().password());
        String accessToken = console.redeem(Flows.code(browser, codePage, oldPhone.next()));

        HttpResponse<String> listed = DisableSupport.account(env, "GET", "/credentials", accessToken);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode otp = null;
        for (JsonNode type : new ObjectMapper().readTree(listed.body())) {
            otp = "otp".equals(type.path("type").asText()) ? type : otp;
        }
        assertNotNull(otp, listed.body());
        assertEquals(MoveSupport.ACTION, otp.path("updateAction").asText(), "Update moves it: " + otp);
        assertTrue(otp.path("createAction").isMissingNode() || otp.path("createAction").isNull(), "no second set-up: " + otp);
        Page scan = MoveSupport.prove(browser, browser.get(console.authUrl(MoveSupport.ACTION)), enrolled.user().password(),
                oldPhone.next());
        String moved = console.redeem(MoveSupport.newCode(browser, scan, MoveSupport.newPhone(scan).now()));
        List<String> info = AccountView.infoMessage(AccountView.otpType(env, moved));
        assertEquals("vigi2faAccountMovedLastUse", info.get(0), "the row says when it moved: " + info);
        assertTrue(Long.parseLong(info.get(1)) >= Long.parseLong(info.get(2)), "moved after its last sign-in: " + info);
    }

    @Test
    void configureTotpWithTwoFactorOnLeadsToTheMoveNotASecondAuthenticator(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-configure");
        String before = env.otpCredentials(enrolled.user().id()).get(0).getId();
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = Flows.password(browser, browser.get(console.authUrl("CONFIGURE_TOTP")), enrolled.user().username(),
                enrolled.user().password());
        Page already = Flows.code(browser, codePage, oldPhone.next());
        Flows.assertPage(already, PAGE_ALREADY);
        assertNotNull(already.document().selectFirst("button#vigi-move"), "the move is offered");

        Page prove = browser.submit(already.form("#vigi-enable-already-form"), Map.of("move", "true"));
        Page scan = MoveSupport.prove(browser, prove, enrolled.user().password(), oldPhone.next());
        Flows.assertPage(scan, MoveSupport.PAGE_SCAN);
        Page end = MoveSupport.newCode(browser, scan, MoveSupport.newPhone(scan).now());
        assertEquals("success", console.returned(end).get("kc_action_status"), "back at the console: " + end);
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "never a second authenticator");
        assertEquals(before, env.otpCredentials(enrolled.user().id()).get(0).getId(), "the same one, moved");
        assertEquals(1, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size());
    }
}
