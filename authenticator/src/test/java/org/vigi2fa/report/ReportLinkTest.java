package org.vigi2fa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mail kind a link carries, and which kinds close the lost-phone path. */
class ReportLinkTest {

    @Test
    void kindIsTheTemplateNameWithoutPrefixAndSuffix() {
        assertEquals("email-changed", ReportLink.kindOf("vigi-2fa-email-changed.ftl"));
        assertEquals("lost-link", ReportLink.kindOf("vigi-2fa-lost-link.ftl"));
        assertEquals("other", ReportLink.kindOf("other"));
    }

    @Test
    void onlyTurnedOffAndEmailChangedCloseTheLostPhonePath() {
        assertTrue(NotMeReport.closesLostPhone("disabled"));
        assertTrue(NotMeReport.closesLostPhone("email-changed"));
        for (String kind : new String[] {"enabled", "lost-link", "recovery-used", "trusted-device", "password-changed", null}) {
            assertFalse(NotMeReport.closesLostPhone(kind), String.valueOf(kind));
        }
    }
}
