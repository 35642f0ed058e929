package org.vigi2fa.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

/** The meters land in Keycloak's global registry with bounded tags, and a count never fails, registry or not. */
class VigiMetricsTest {

    @Test
    void countsLandInTheGlobalRegistryTaggedWithTheRealm() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try {
            RealmModel realm = realm("acme");
            VigiMetrics.turnedOff(null, realm, MetricsIds.PATH_ADMIN);
            VigiMetrics.turnedOff(null, realm, MetricsIds.PATH_ADMIN);
            VigiMetrics.mail(realm, "vigi-2fa-enabled.ftl", false);
            VigiMetrics.codeStep(realm, 2_000_000L);
            assertEquals(2.0, registry.get(MetricsIds.METER_TURN_OFFS).tags("realm", "acme", "path", "admin").counter().count());
            assertEquals(1.0, registry.get(MetricsIds.METER_SECURITY_MAILS)
                    .tags("realm", "acme", "mail", "vigi-2fa-enabled", "outcome", "failed").counter().count());
            assertEquals(1L, registry.get(MetricsIds.METER_CODE_STEP).tags("realm", "acme").timer().count());
            assertNull(registry.find(MetricsIds.METER_ENROLMENTS).counter(), "no series before the first count");
        } finally {
            Metrics.globalRegistry.remove(registry);
        }
    }

    @Test
    void withoutMetricsOrWithABrokenRealmACountDoesNotFail() {
        RealmModel nameless = realm(null);
        assertDoesNotThrow(() -> {
            VigiMetrics.enrolled(null, realm("acme"));
            VigiMetrics.wrongCode(nameless, MetricsIds.STEP_SIGN_IN);
            VigiMetrics.lockedOut(null, MetricsIds.LOCKOUT_TEMPORARY);
            VigiMetrics.codeStep(nameless, 1L);
        });
    }

    /** A realm that answers only its name. */
    private static RealmModel realm(String name) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> "getName".equals(method.getName()) ? name : null);
    }
}
