package org.vigi2fa.activity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.models.credential.dto.RecoveryAuthnCodesCredentialData;
import org.keycloak.util.JsonSerialization;

/** The report's "few recovery codes" count reads the count left where Keycloak's own serialisation puts it. */
class AdoptionCountsTest {

    @Test
    void theLikePatternsFindTheCountLeftInKeycloaksJson() throws Exception {
        String two = JsonSerialization.writeValueAsString(new RecoveryAuthnCodesCredentialData(null, "SHA-512", 2, 12));
        String twelve = JsonSerialization.writeValueAsString(new RecoveryAuthnCodesCredentialData(null, "SHA-512", 12, 12));
        assertTrue(matchesFew(two), two);
        assertFalse(matchesFew(twelve), twelve);
        assertTrue(matchesFew("{\"hashIterations\":null,\"algorithm\":\"SHA-512\",\"remaining\":0,\"total\":12}"), "the imported form");
    }

    /** The report's LIKE patterns for 0, 1 and 2 left, as the database reads them ('%' is any text). */
    private static boolean matchesFew(String json) {
        for (int n = 0; n < AdoptionReport.FEW_RECOVERY_CODES; n++) {
            for (String key : AdoptionCounts.REMAINING) {
                for (String end : new String[] {"}", ","}) {
                    String regex = Pattern.quote(key + n + end).replace("%", "\\E.*\\Q") + ".*";
                    if (json.matches(regex)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
