package org.vigi2fa.it.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

/** What the admin console must not save: the answer names the problem, and the policy stays as it was. */
@VigiTest
class RolloutPolicyInputIT {

    @Test
    void theAdminConsoleShowsTheFormWithLabels(VigiEnvironment env) {
        var description = env.realm().flows().getRequiredActionConfigDescription(RolloutSupport.ACTION);
        assertEquals(List.of("groups", "roles", "clients", "deadline", "graceDays", "postponements"),
                description.getProperties().stream().map(p -> p.getName()).toList());
        description.getProperties().forEach(p -> assertTrue(p.getLabel() != null && !p.getLabel().isBlank()
                && p.getHelpText() != null && !p.getHelpText().isBlank(), p.getName()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "groups|/no-such-group|Unknown group",
        "roles|no-such-role|Unknown role",
        "clients|no-such-client|Unknown client",
        "deadline|31.03.2027|not a date",
        "graceDays|-1|0 or more",
        "postponements|-2|0 or more",
        "postponements|three|0 or more"})
    void badInputIsRefusedWithAClearMessage(String key, String value, String message, VigiEnvironment env) {
        Map<String, String> before = RolloutSupport.current(env.realm().flows());
        BadRequestException refused = assertThrows(BadRequestException.class, () -> RolloutSupport.policy(env, Map.of(key, value)));
        String body = refused.getResponse().readEntity(String.class);
        assertTrue(body.contains(message), body);
        assertEquals(before, RolloutSupport.current(env.realm().flows()), "the policy did not change");
    }
}
