package org.vigi2fa.it.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.vigi2fa.testing.Pause;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

/**
 * A real Prometheus scrapes the test server's management port: after a journey that moves every meter, its HTTP API
 * returns the product's series, and every query of the Grafana dashboard (docs/grafana-vigi-2fa.json) returns data.
 */
@VigiTest
@DisabledIfSystemProperty(named = "vigi.server", matches = "remote|testcontainers",
        disabledReason = "Prometheus runs on this machine and scrapes a server started here")
class PrometheusIT {

    private static final Path PROJECT = Path.of(System.getProperty("vigi.project.dir", ".."));
    private static final String REALM = VigiEnvironment.REALM;

    @Test
    void prometheusGetsTheProductsSeriesAndEveryDashboardQueryAnswers(VigiEnvironment env) throws Exception {
        assumeTrue(PrometheusProcess.installed(),
                "Debian's prometheus package is not installed here (apt-get install prometheus; .ci/run installs it)");
        int base = Integer.getInteger("vigi.management.port", 9100);
        List<Integer> ports = IntStream.range(0, env.nodes().size()).map(node -> base + node).boxed().toList();
        try (PrometheusProcess prometheus = PrometheusProcess.start(Path.of("target/prometheus"), ports)) {
            MetricsJourneys.enrol(env, env.newUser("prometheus-on"));
            MetricsJourneys.wrongThenRightCode(env, env.newUserWithOtp("prometheus-code"));
            MetricsJourneys.lockOut(env, env.newUserWithOtp("prometheus-lock"));
            MetricsJourneys.lostPhoneSentRefusedConfirmed(env, env.newUserWithOtp("prometheus-lost"));
            MetricsJourneys.turnOffByAdministratorWhileMailFails(env, env.newUserWithOtp("prometheus-admin"));
            MetricsJourneys.reportTheTrustedDevice(env, env.newUserWithOtp("prometheus-report"));

            String series = "vigi_2fa_sign_ins_total{realm=\"" + REALM + "\",factor=\"code\"}";
            assertTrue(Pause.until(() -> !prometheus.query(series).isEmpty(), 60), series + " never reached Prometheus");
            List<String> silent = new ArrayList<>();
            for (String query : dashboardQueries()) {
                if (!Pause.until(() -> !prometheus.query(query).isEmpty(), 30)) {
                    silent.add(query);
                }
            }
            assertEquals(List.of(), silent, "dashboard queries that returned no data");
        }
    }

    /** Every panel query of the dashboard, with Grafana's variables as a dashboard of this realm fills them in. */
    private static List<String> dashboardQueries() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(PROJECT.resolve("docs/grafana-vigi-2fa.json").toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText().replace("$realm", REALM).replace("$__rate_interval", "1m")
                        .replace("$__range", "1h"));
            }
        }
        assertTrue(queries.size() >= 10, "the dashboard's queries are found: " + queries);
        return queries;
    }
}
