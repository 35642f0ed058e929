package org.vigi2fa.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

/**
 * "Signing in" lists the recovery codes whenever the user has some, whatever the enrolment offer (the test server's
 * is off): how many are left of the set and a way to a new set, no bare "Delete"; "Set up" only with an authenticator.
 */
@VigiTest
class RecoveryCodesRowIT {

    private static final String TYPE = RecoverySeed.TYPE;
    private static final String NEW_SET = "CONFIGURE_RECOVERY_AUTHN_CODES";

    @Test
    void aUserWithCodesSeesHowManyAreLeftAndAWayToNewOnes(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("rc-row");
        RecoverySeed.give(env, enrolled.user().id(), 12);
        String token = AccountView.consoleToken(env, enrolled.user(), enrolled.totp().now());

        JsonNode row = AccountView.type(env, token, TYPE);
        assertNotNull(row, "the recovery codes are listed while the enrolment offer is off");
        assertEquals(NEW_SET, row.path("updateAction").asText(), row.toString());
        assertTrue(row.path("createAction").isMissingNode() || row.path("createAction").isNull(), row.toString());
        assertFalse(row.path("removeable").asBoolean(), "a new set replaces the old one; no bare delete: " + row);
        assertEquals("vigi2faRecoveryAccountHelp", row.path("helptext").asText());
        JsonNode info = row.path("userCredentialMetadatas").path(0).path("infoMessage");
        assertEquals("vigi2faRecoveryAccountLeft", info.path("key").asText(), row.toString());
        assertEquals(List.of("12", "12"), List.of(info.path("parameters").path(0).asText(), info.path("parameters").path(1).asText()));
    }

    @Test
    void setUpIsOfferedOnlyToAUserWithAnAuthenticator(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("rc-row-none");
        JsonNode offered = AccountView.type(env, AccountView.consoleToken(env, enrolled.user(), enrolled.totp().now()), TYPE);
        assertNotNull(offered, "a 2FA user without codes is offered a set");
        assertEquals(NEW_SET, offered.path("createAction").asText(), offered.toString());
        assertEquals(0, offered.path("userCredentialMetadatas").size(), offered.toString());

        TestUser passwordOnly = env.newUser("rc-row-password");
        assertNull(AccountView.type(env, AccountView.consoleToken(env, passwordOnly, null), TYPE),
                "nothing to set up without 2FA, so no row");
    }
}
