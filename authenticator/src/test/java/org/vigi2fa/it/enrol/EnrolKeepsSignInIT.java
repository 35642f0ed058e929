package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA on proves the authenticator in that session: the other VIGI apps keep single sign-on. */
@VigiTest
class EnrolKeepsSignInIT {

    @Test
    void sessionThatEnrolledStaysSignedInForOtherApps(VigiEnvironment env) {
        TestUser user = env.newUser("enrolsso");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page back = enrolment.enrol();
        assertEquals("success", back.redirectParams().get("kc_action_status"), back.toString());

        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest app = oauth.authRequest(VigiClient.VIGI_APP);
        Page end = enrolment.browser.get(app.url());
        assertTrue(end.isRedirect(), "the enrolling session signs in to the App without a new login: " + end);
        Grants.issued(Flows.tokens(oauth, app, end));
    }

    @Test
    void anotherBrowserStillNeedsPasswordAndCode(VigiEnvironment env) {
        TestUser user = env.newUser("enrolsso2");
        Enrolment.fromVmsCloud(env, user).enrol();
        OAuth.AuthRequest app = new OAuth(env.realmUrl()).authRequest(VigiClient.VIGI_APP);
        Page afterPassword = Flows.passwordStep(new WebSession(env.baseUrl()), app, user);
        Flows.assertPage(afterPassword, Flows.CODE_PAGE);
    }
}
