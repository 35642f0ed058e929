package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * With a hostname configured (as the run command, the shipped compose file and the test server do), a forged Host or
 * forwarding header on the lost-phone request does not send the victim's click to the attacker's host.
 */
@VigiTest
class HostHeaderIT {

    @Test
    void theMailedLinkKeepsTheConfiguredHostWhateverHostTheRequestNamed(VigiEnvironment env) {
        URI server = URI.create(env.baseUrl());
        assertLinksKeepTheConfiguredHost(env, env.newUserWithOtp("hosthdr"),
                new WebSession(env.baseUrl()).header("Host", "attacker.example:" + server.getPort()));
    }

    @Test
    void theMailedLinkKeepsTheConfiguredHostWhateverHostAProxyHeaderNamed(VigiEnvironment env) {
        assertLinksKeepTheConfiguredHost(env, env.newUserWithOtp("fwdhost"),
                new WebSession(env.baseUrl()).header("X-Forwarded-Host", "attacker.example").header("Forwarded", "host=attacker.example"));
    }

    private static void assertLinksKeepTheConfiguredHost(VigiEnvironment env, EnrolledUser enrolled, WebSession forged) {
        URI server = URI.create(env.baseUrl());
        Page sent = LostPhoneSupport.requestLink(env, forged, VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(sent, "login-vigi-2fa-lost-sent");
        URI link = URI.create(env.inbox().latestActionLink(enrolled.user().email()));
        assertEquals(server.getHost(), link.getHost(), "link host: " + link);
        assertEquals(server.getPort(), link.getPort(), "link port: " + link);
        String html = env.inbox().to(enrolled.user().email()).get(0).html();
        assertTrue(html.contains(env.baseUrl()) && !html.contains("attacker.example"), "the html part links to the configured host too");
        URI report = URI.create(env.inbox().to(enrolled.user().email()).get(0).reportLink().orElseThrow());
        assertEquals(server.getAuthority(), report.getAuthority(), "\"This wasn't me\" link: " + report);
    }
}
