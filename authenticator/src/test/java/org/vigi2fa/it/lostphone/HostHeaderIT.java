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
 * With a hostname configured (as the shipped compose file and the test server do), a forged Host header on the
 * lost-phone request does not send the victim's click to the attacker's host.
 */
@VigiTest
class HostHeaderIT {

    @Test
    void theMailedLinkKeepsTheConfiguredHostWhateverHostTheRequestNamed(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("hosthdr");
        URI server = URI.create(env.baseUrl());
        WebSession forged = new WebSession(env.baseUrl()).header("Host", "attacker.example:" + server.getPort());

        Page sent = LostPhoneSupport.requestLink(env, forged, VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(sent, "login-vigi-2fa-lost-sent");
        URI link = URI.create(env.inbox().latestActionLink(enrolled.user().email()));
        assertEquals(server.getHost(), link.getHost(), "link host: " + link);
        assertEquals(server.getPort(), link.getPort(), "link port: " + link);
        String html = env.inbox().to(enrolled.user().email()).get(0).html();
        assertTrue(html.contains(env.baseUrl()) && !html.contains("attacker.example"), "the html part links to the configured host too");
    }
}
