package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.representations.idm.RealmRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.OtpSeed;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.UserSeed;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.HostlessServer;

/**
 * On a server whose operator fixed no public address (plain {@code start-dev}, no {@code --hostname}, no realm Frontend
 * URL), a lost-phone request with a forged Host or X-Forwarded-Host mails nothing (a link would lead wherever the asker
 * chose) and the page says why; once the realm's Frontend URL is set, links start there whatever the request named.
 */
@VigiTest
@EnabledIfSystemProperty(named = "vigi.server", matches = "dist",
        disabledReason = "starts a second copy of the unpacked distribution, which only the distribution mode has")
class NoFixedHostnameIT {

    private static final String PASSWORD = "Hostless-Pass-42";
    private static HostlessServer hostless;

    @AfterAll
    static void stop() {
        if (hostless != null) {
            hostless.close();
        }
    }

    @Test
    void aForgedHostGetsNoLinkAndTheStartUpLogSaysWhy(VigiEnvironment env) {
        EnrolledUser enrolled = user(env, "hostless-host");
        URI server = URI.create(server(env).baseUrl());
        // every request of this browser names the attacker's host, as a client behind no fixed hostname would send
        WebSession forged = new WebSession("http://attacker.example:" + server.getPort()).via(server(env).baseUrl());
        assertRefused(env, forged, "http://attacker.example:" + server.getPort(), enrolled);

        WebSession forwarded = new WebSession(server(env).baseUrl()).header("X-Forwarded-Host", "attacker.example");
        assertRefused(env, forwarded, server(env).baseUrl(), enrolled);
        assertTrue(server(env).log().contains("no fixed public address"), "the start-up audit names the missing address");
    }

    @Test
    void theRealmsFrontendUrlFixesWhereLinksStart(VigiEnvironment env) {
        EnrolledUser enrolled = user(env, "hostless-frontend");
        String base = server(env).baseUrl();
        URI server = URI.create(base);
        frontendUrl(env, base);
        try {
            WebSession forged = new WebSession("http://attacker.example:" + server.getPort()).via(base);
            Page sent = LostPhoneSupport.clickLostPhone(forged, codePage(forged, "http://attacker.example:" + server.getPort(), enrolled));
            Flows.assertPage(sent, "login-vigi-2fa-lost-sent");
            List<Mail> mails = env.inbox().to(enrolled.user().email());
            assertEquals(1, mails.size(), "one mail: " + mails);
            String link = mails.get(0).actionLink().orElseThrow();
            String report = mails.get(0).reportLink().orElseThrow();
            assertEquals(server.getAuthority(), URI.create(link).getAuthority(), "lost-phone link: " + link);
            assertEquals(server.getAuthority(), URI.create(report).getAuthority(), "report link: " + report);
            assertFalse(mails.get(0).html().contains("attacker.example"), "nothing in the mail names the forged host");
        } finally {
            frontendUrl(env, "");
        }
    }

    private static void assertRefused(VigiEnvironment env, WebSession browser, String publicBase, EnrolledUser enrolled) {
        Page refused = LostPhoneSupport.clickLostPhone(browser, codePage(browser, publicBase, enrolled));
        Flows.assertPage(refused, Flows.CODE_PAGE);
        assertTrue(refused.messages().contains("public address"), "the page says why: " + refused.messages());
        assertEquals(List.of(), env.inbox().to(enrolled.user().email()), "nothing mailed");
    }

    private static Page codePage(WebSession browser, String publicBase, EnrolledUser enrolled) {
        return Flows.codePage(browser, new OAuth(publicBase + "/realms/vigi").authRequest(VigiClient.VMS_CLOUD), enrolled.user());
    }

    private static EnrolledUser user(VigiEnvironment env, String prefix) {
        OtpSeed otp = OtpSeed.fresh("phone");
        String username = prefix + "-" + System.nanoTime();
        String id = UserSeed.create(server(env).realm("vigi"), username, "Host", "Less", PASSWORD, List.of(otp.credential()));
        return new EnrolledUser(new TestUser(id, username, UserSeed.email(username), PASSWORD), otp.totp());
    }

    private static void frontendUrl(VigiEnvironment env, String url) {
        RealmRepresentation change = new RealmRepresentation();
        change.setAttributes(Map.of("frontendUrl", url));
        server(env).realm("vigi").update(change);
    }

    private static synchronized HostlessServer server(VigiEnvironment env) {
        if (hostless == null) {
            hostless = HostlessServer.start(env.mail().getSmtp().getPort());
        }
        return hostless;
    }

}
