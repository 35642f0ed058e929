package org.vigi2fa.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * What 2FA costs at login and enrolment: one production-mode Keycloak with three realms from one template
 * (password only, Keycloak's OTP form, ours), driven side by side in interleaved blocks by a closed-loop
 * driver on loopback. Writes docs/benchmarks.md and docs/benchmarks.json; prints figures, never fails on them.
 */
public final class LoginLoadBenchmark {

    /** How long and how hard; quick mode (-Dbench.quick=true) checks that the benchmark works, nothing more. */
    record Plan(boolean quick, int threads, Duration warmup, int rounds, Duration block, int enrolRounds,
                Duration enrolBlock, int enrolUsers, int lostPhoneTrips, int maxPerBlock, int profileJourneys, int hashPairs) {

        static Plan of(boolean quick) {
            Plan plan = quick
                    ? new Plan(true, 4, Duration.ofSeconds(4), 2, Duration.ofSeconds(5), 2, Duration.ofSeconds(5), 30, 3, 2_000, 8, 6)
                    : new Plan(false, 4, Duration.ofSeconds(40), 8, Duration.ofSeconds(10), 8, Duration.ofSeconds(10), 100, 20, 5_000, 30, 40);
            // -Dbench.rounds (development): more or fewer login rounds.
            int rounds = Integer.getInteger("bench.rounds", plan.rounds());
            return new Plan(plan.quick(), plan.threads(), plan.warmup(), rounds, plan.block(), plan.enrolRounds(), plan.enrolBlock(),
                    plan.enrolUsers(), plan.lostPhoneTrips(), plan.maxPerBlock(), plan.profileJourneys(), plan.hashPairs());
        }
    }

    private LoginLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("bench.load", "true"))) {
            System.out.println("[bench] load benchmark skipped (-Dbench.load=false)");
            return;
        }
        Plan plan = Plan.of(Boolean.getBoolean("bench.quick"));
        Path docs = Path.of(System.getProperty("bench.docs.dir", "docs"));
        Path home = Path.of(require("vigi.server.dir"));
        int httpPort = Integer.getInteger("vigi.http.port", 8180);
        int managementPort = Integer.getInteger("vigi.management.port", 9100);
        int smtpPort = Integer.getInteger("vigi.smtp.port", 3125);
        BenchResults results = new BenchResults(plan, Machine.describe(home));
        results.commit(Machine.gitCommit(Path.of(require("vigi.realm.file"))));

        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        List<Path> realmFiles = BenchRealms.write(Path.of(require("vigi.realm.file")), home.getParent().resolve("bench-realms"));
        log("building and starting Keycloak in production mode (kc.sh build + start --optimized)");
        long startT = System.nanoTime();
        try (BenchServer server = startServer(home, realmFiles, httpPort, managementPort, smtpPort);
             Keycloak admin = KeycloakBuilder.builder().serverUrl(server.baseUrl()).realm("master").clientId("admin-cli")
                     .username(BenchServer.ADMIN_USER).password(BenchServer.ADMIN_PASSWORD).build()) {
            log(String.format("ready after %.0f s: %s", (System.nanoTime() - startT) / 1e9, server.version()));
            results.keycloak(server.version(), server.javaProcess());
            BusyCheck busy = BusyCheck.start(server.javaProcess());
            try {
                new LoadRun(plan, server, admin, mail, results).all();
            } finally {
                results.busy(busy.finish());
            }
        } finally {
            mail.stop();
            results.loadAfter(Machine.loadAverage());
            BenchResults.Written written = results.write(docs);
            log("wrote " + written.markdown() + " and " + written.json());
        }
    }


    private static BenchServer startServer(Path home, List<Path> realmFiles, int httpPort, int managementPort, int smtpPort) {
        return BenchServer.start(home, Path.of(require("vigi.provider.jar")), realmFiles, httpPort,
                managementPort, Map.of("VIGI_SMTP_HOST", "127.0.0.1", "VIGI_SMTP_PORT", Integer.toString(smtpPort),
                        // like with like: Keycloak's CONFIGURE_TOTP ends at the stored authenticator, so ours skips the
                        // optional recovery-codes page that would follow it (the realm file's default offers it)
                        "VIGI_RECOVERY_CODES", "off"));
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }

    private static String require(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is required (run through Maven: mvn -B -Pbenchmark verify)");
        }
        return value;
    }
}
