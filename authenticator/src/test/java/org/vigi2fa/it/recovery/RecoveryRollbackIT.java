package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.recovery.RecoverySupport.Seeded;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** A recovery code is spent only when its sign-in commits: a sign-in that rolls back leaves the code usable. */
@VigiTest
class RecoveryRollbackIT {

    @Test
    void aSignInThatRollsBackDoesNotSpendTheCode(VigiEnvironment env) throws Exception {
        Seeded seeded = RecoverySupport.user(env, "rc-rollback", 12);
        String userId = seeded.enrolled().user().id();
        OAuth oauth = new OAuth(env.realmUrl());
        RecoverySupport.rollBackNextSignIn(env, userId);
        Page accepted = RecoverySupport.signIn(new WebSession(env.baseUrl()), oauth.authRequest(VigiClient.VMS_CLOUD),
                seeded.enrolled().user(), seeded.codes().number(1));
        assertTrue(accepted.isRedirect(), "the code was accepted before the request rolled back: " + accepted + " " + accepted.messages());
        assertEquals(12, RecoverySupport.left(env, userId), "the rollback undid the strike");

        OAuth.AuthRequest again = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page end = RecoverySupport.signIn(new WebSession(env.baseUrl()), again, seeded.enrolled().user(), seeded.codes().number(1));
        JsonNode tokens = Flows.tokens(oauth, again, end);
        assertEquals(200, tokens.get("status").asInt(), tokens.toString());
        assertEquals(11, RecoverySupport.left(env, userId), "the committed sign-in struck it");
    }
}
