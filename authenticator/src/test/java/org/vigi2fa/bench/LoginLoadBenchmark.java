package org.vigi2fa.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.BenchUsers.BenchUser;

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
        try (BenchServer server = BenchServer.start(home, Path.of(require("vigi.provider.jar")), realmFiles, httpPort,
                managementPort, Map.of("VIGI_SMTP_HOST", "127.0.0.1", "VIGI_SMTP_PORT", Integer.toString(smtpPort),
                        // like with like: Keycloak's CONFIGURE_TOTP ends at the stored authenticator, so ours skips the
                        // optional recovery-codes page that would follow it (the realm file's default offers it)
                        "VIGI_RECOVERY_CODES", "off"));
             Keycloak admin = KeycloakBuilder.builder().serverUrl(server.baseUrl()).realm("master").clientId("admin-cli")
                     .username(BenchServer.ADMIN_USER).password(BenchServer.ADMIN_PASSWORD).build()) {
            log(String.format("ready after %.0f s: %s", (System.nanoTime() - startT) / 1e9, server.version()));
            results.keycloak(server.version(), server.javaProcess());
            BusyCheck busy = BusyCheck.start(server.javaProcess());
            try {
                new LoginLoadBenchmark.Run(plan, server, admin, mail, results).all();
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

    /** One benchmark run against a started server. */
    private static final class Run {
        private final Plan plan;
        private final BenchServer server;
        private final Keycloak admin;
        private final GreenMail mail;
        private final BenchResults results;
        private final ProcessHandle kc;
        private final List<BenchSession> sessions = new ArrayList<>();
        private final Map<Flow, UserPool> pools = new EnumMap<>(Flow.class);
        private final Map<Flow, Integer> created = new EnumMap<>(Flow.class);

        Run(Plan plan, BenchServer server, Keycloak admin, GreenMail mail, BenchResults results) {
            this.plan = plan;
            this.server = server;
            this.admin = admin;
            this.mail = mail;
            this.results = results;
            this.kc = server.javaProcess();
            for (int i = 0; i < plan.threads(); i++) {
                sessions.add(new BenchSession(BenchSession.newClient(), server.baseUrl()));
            }
        }

        void all() throws Exception {
            for (Flow flow : Flow.values()) {
                pools.put(flow, new UserPool(flow == Flow.PASSWORD ? UserPool.Reuse.ANY_TIME : UserPool.Reuse.NEXT_PERIOD));
                created.put(flow, 0);
                grow(flow, flow == Flow.PASSWORD ? 4 * plan.threads() : 12 * plan.threads());
            }
            smoke();
            // -Dbench.phases (development): a comma list of login, enrol, lost; all by default.
            String phases = System.getProperty("bench.phases", "login,enrol,lost");
            if (phases.contains("login")) {
                warmUpAndSize();
                logins();
            }
            if (phases.contains("enrol")) {
                enrolment();
                passwordHash();
            }
            if (phases.contains("lost")) {
                lostPhone();
            }
            if (phases.contains("login") || phases.contains("enrol")) {
                stepProfile();
                codePageRender();
            }
        }

        private void grow(Flow flow, int target) {
            int have = created.get(flow);
            if (target <= have) {
                return;
            }
            long t = System.nanoTime();
            List<BenchUser> users = BenchUsers.create(admin.realm(flow.realm), "u", have, target - have, true);
            pools.get(flow).add(users);
            created.put(flow, target);
            log(String.format("%s: %d users (+%d in %.1f s)", flow.realm, target, target - have, (System.nanoTime() - t) / 1e9));
        }

        /** One journey per flow first, so a broken flow fails in seconds with a clear message. */
        private void smoke() throws Exception {
            for (Flow flow : Flow.values()) {
                ClosedLoop.Block block = ClosedLoop.run("smoke-" + flow.key(), sessions.subList(0, 1), Duration.ofSeconds(60), 1, kc,
                        Journeys.login(server.baseUrl(), flow, pools.get(flow)));
                if (!block.valid()) {
                    throw new IllegalStateException("The " + flow.realm + " login does not work: " + block.firstError());
                }
            }
            log("each flow signs in");
        }

        /** Warm-up (JIT, caches) and user pools big enough that no user signs in twice in one TOTP period. */
        private void warmUpAndSize() throws Exception {
            ClosedLoop.Block password = block("warmup", Flow.PASSWORD, plan.warmup());
            double rate = password.perSecond();
            // The 2FA flows are no faster than password-only, so its rate bounds theirs: a whole 30 s TOTP period of
            // logins of one flow, with room for the machine getting quieter after the warm-up (a shared machine did).
            int needed = (int) Math.ceil(rate * 30 * 2.0) + 2 * plan.threads();
            results.poolSize(needed, rate);
            log(String.format("warm-up password-only: %.1f logins/s -> %d users per 2FA realm", rate, needed));
            grow(Flow.BUILTIN, needed);
            grow(Flow.VIGI, needed);
            block("warmup", Flow.BUILTIN, plan.warmup());
            block("warmup", Flow.VIGI, plan.warmup());
            block("warmup", Flow.PASSWORD, plan.warmup());
        }

        private ClosedLoop.Block block(String phase, Flow flow, Duration duration) throws InterruptedException {
            ClosedLoop.Block block = ClosedLoop.run(phase + "-" + flow.key(), sessions, duration, plan.maxPerBlock(), kc,
                    Journeys.login(server.baseUrl(), flow, pools.get(flow)));
            log(String.format("%-8s %-9s %6.2f logins/s  %4d ok %3d errors %3d no-user  %6.1f server-CPU-ms/login%s",
                    phase, flow.key(), block.perSecond(), block.completed(), block.errors(), block.unavailable(),
                    block.serverCpuMsPerJourney(), block.firstError() == null ? "" : "  first error: " + block.firstError()));
            return block;
        }

        private void logins() throws Exception {
            Flow[] flows = Flow.values();
            for (int round = 0; round < plan.rounds(); round++) {
                Map<Flow, ClosedLoop.Block> blocks = new LinkedHashMap<>();
                for (int i = 0; i < flows.length; i++) {
                    // Rotate the order each round so no flow always runs first or last.
                    Flow flow = flows[(i + round) % flows.length];
                    blocks.put(flow, block("round" + (round + 1), flow, plan.block()));
                }
                results.loginRound(blocks);
            }
            for (Flow flow : flows) {
                results.starved(flow, pools.get(flow).starved());
            }
        }

        private void enrolment() throws Exception {
            UserPool builtinUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
            UserPool vigiUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
            builtinUsers.add(BenchUsers.create(admin.realm(Flow.BUILTIN.realm), "enrol", 0, plan.enrolUsers(), false));
            vigiUsers.add(BenchUsers.create(admin.realm(Flow.VIGI.realm), "enrol", 0, plan.enrolUsers(), false));
            List<BenchUser> builtinEnrolled = Collections.synchronizedList(new ArrayList<>());
            List<BenchUser> vigiEnrolled = Collections.synchronizedList(new ArrayList<>());
            ClosedLoop.Journey builtin = Journeys.builtinEnrolment(server.baseUrl(), Flow.BUILTIN.realm, builtinUsers, builtinEnrolled::add);
            ClosedLoop.Journey vigi = Journeys.vigiEnrolment(server.baseUrl(), Flow.VIGI.realm, vigiUsers, vigiEnrolled::add);
            for (Map.Entry<String, ClosedLoop.Journey> each : Map.of("CONFIGURE_TOTP", builtin, "vigi-2fa-enable", vigi).entrySet()) {
                ClosedLoop.Block probe = ClosedLoop.run("enrol-probe", sessions.subList(0, 1), Duration.ofSeconds(60), 1, kc, each.getValue());
                if (!probe.valid()) {
                    results.enrolmentNotMeasured(each.getKey() + " enrolment does not complete on this build: " + probe.firstError());
                    log("enrolment not measured: " + each.getKey() + ": " + probe.firstError());
                    return;
                }
            }
            // Warm-up both once, then interleaved rounds; users are reset (OTP removed) between blocks.
            for (int round = -1; round < plan.enrolRounds(); round++) {
                Map<String, ClosedLoop.Block> blocks = new LinkedHashMap<>();
                String[] order = round % 2 == 0 ? new String[] {"builtin", "vigi"} : new String[] {"vigi", "builtin"};
                for (String which : order) {
                    boolean isVigi = which.equals("vigi");
                    resetEnrolled(isVigi ? vigiEnrolled : builtinEnrolled, isVigi ? vigiUsers : builtinUsers,
                            isVigi ? Flow.VIGI : Flow.BUILTIN);
                    ClosedLoop.Block block = ClosedLoop.run("enrol-" + which, sessions, plan.enrolBlock(),
                            plan.enrolUsers(), kc, isVigi ? vigi : builtin);
                    log(String.format("%-8s enrol-%-7s %6.2f enrolments/s %4d ok %3d errors %6.1f server-CPU-ms/enrolment%s",
                            round < 0 ? "warmup" : "round" + (round + 1), which, block.perSecond(), block.completed(), block.errors(),
                            block.serverCpuMsPerJourney(), block.firstError() == null ? "" : "  first error: " + block.firstError()));
                    blocks.put(which, block);
                }
                if (round >= 0) {
                    results.enrolRound(blocks);
                }
            }
        }

        /** Removes the OTP credential of everyone who enrolled, outside the timed block, so they can enrol again. */
        private void resetEnrolled(List<BenchUser> enrolled, UserPool pool, Flow flow) {
            synchronized (enrolled) {
                for (BenchUser user : enrolled) {
                    BenchUsers.removeOtp(admin.realm(flow.realm), user);
                }
                enrolled.clear();
            }
            pool.reset();
        }

        /** Journeys one at a time with per-request server CPU: where each journey's cost goes. */
        private void stepProfile() throws Exception {
            int n = Integer.getInteger("bench.profile.journeys", plan.profileJourneys());
            BenchSession session = new BenchSession(BenchSession.newClient(), server.baseUrl());
            Map<String, ClosedLoop.Journey> journeys = new LinkedHashMap<>();
            for (Flow flow : Flow.values()) {
                journeys.put("login " + flow.key(), Journeys.login(server.baseUrl(), flow, pools.get(flow)));
            }
            UserPool builtinUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
            UserPool vigiUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
            builtinUsers.add(BenchUsers.create(admin.realm(Flow.BUILTIN.realm), "prof", 0, n + 2, false));
            vigiUsers.add(BenchUsers.create(admin.realm(Flow.VIGI.realm), "prof", 0, n + 2, false));
            journeys.put("enrol builtin CONFIGURE_TOTP", Journeys.builtinEnrolment(server.baseUrl(), Flow.BUILTIN.realm, builtinUsers, u -> { }));
            journeys.put("enrol vigi vigi-2fa-enable", Journeys.vigiEnrolment(server.baseUrl(), Flow.VIGI.realm, vigiUsers, u -> { }));
            for (Map.Entry<String, ClosedLoop.Journey> each : journeys.entrySet()) {
                StepProfile profile = new StepProfile();
                session.profile(kc, profile);
                // Two unprofiled journeys first would need two more users; the blocks before warmed everything up.
                ClosedLoop.Block block = ClosedLoop.run("profile", List.of(session), Duration.ofMinutes(2), n, kc, each.getValue());
                results.stepProfile(each.getKey(), block.valid() ? profile.summary() : null,
                        block.valid() ? null : block.errors() + " errors, first: " + block.firstError());
                log(String.format("profile %-30s %d journeys, %.1f server-CPU-ms each", each.getKey(), block.completed(),
                        block.serverCpuMsPerJourney()));
            }
        }

        /**
         * The code page alone: after the password, reload it (GET of its form action, as a browser refresh does) a few
         * times and time each render with the server's CPU. Separates template cost from the password hash.
         */
        private void codePageRender() {
            BenchSession session = new BenchSession(BenchSession.newClient(), server.baseUrl());
            for (Flow flow : List.of(Flow.BUILTIN, Flow.VIGI)) {
                List<Double> millis = new ArrayList<>();
                double cpu = 0;
                String expected = flow == Flow.VIGI ? "login-vigi-2fa-code" : "login-login-otp";
                try {
                    for (int i = 0; i < 10; i++) {
                        UserPool.Lease lease = pools.get(flow).take();
                        if (lease == null) {
                            continue;
                        }
                        session.reset();
                        BenchSession.Response login = session.get(Journeys.authUrl(server.baseUrl(), flow.realm, null));
                        BenchSession.Response page = session.post(login.formAction("kc-form-login"), Map.of(
                                "username", lease.user().username(), "password", BenchUsers.PASSWORD, "credentialId", ""));
                        String action = page.formAction("kc-otp-login-form");
                        for (int k = 0; k < 5 && action != null; k++) {
                            double before = CpuClock.processCpuMs(kc);
                            long t = System.nanoTime();
                            BenchSession.Response again = session.get(action);
                            millis.add((System.nanoTime() - t) / 1e6);
                            cpu += CpuClock.processCpuMs(kc) - before;
                            if (!expected.equals(again.pageId())) {
                                throw new IllegalStateException("reload showed '" + again.pageId() + "' instead of " + expected);
                            }
                            action = again.formAction("kc-otp-login-form");
                        }
                    }
                    results.codePageRender(flow.key(), millis, millis.isEmpty() ? null : cpu / millis.size(), null);
                    log(String.format("code page render %-8s %d reloads, p50 %.1f ms, %.1f server-CPU-ms each", flow.key(), millis.size(),
                            BenchStats.percentile(millis, 50), cpu / Math.max(1, millis.size())));
                } catch (RuntimeException e) {
                    results.codePageRender(flow.key(), millis, null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    log("code page render " + flow.key() + " not measured: " + e.getMessage());
                }
            }
        }

        /** Lost-phone round trips one at a time, then as many again while the login rounds' load runs on bench-vigi. */
        private void lostPhone() throws Exception {
            int trips = plan.lostPhoneTrips();
            List<BenchUser> users = BenchUsers.create(admin.realm(Flow.VIGI.realm), "lost", 0, 2 * trips, true);
            mail.purgeEmailFromAllMailboxes();
            List<LostPhoneRoundTrip.Timing> idle = new ArrayList<>();
            for (BenchUser user : users.subList(0, trips)) {
                try {
                    idle.add(LostPhoneRoundTrip.run(sessions.get(0), server.baseUrl(), Flow.VIGI.realm, user, mail));
                } catch (Exception | AssertionError e) {
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    if (idle.isEmpty()) {
                        results.lostPhoneNotMeasured("the lost-phone round trip does not complete on this build: " + reason);
                        log("lost-phone round trip not measured: " + reason);
                        return;
                    }
                    results.lostPhoneError(reason);
                }
            }
            results.lostPhone(idle);
            log("lost-phone round trips, one at a time: " + idle.size());
            lostPhoneUnderLoad(users.subList(trips, 2 * trips));
        }

        /** Round trips by a browser of their own while the virtual users sign in to bench-vigi as in a login round. */
        private void lostPhoneUnderLoad(List<BenchUser> users) throws Exception {
            BenchSession own = new BenchSession(BenchSession.newClient(), server.baseUrl());
            AtomicBoolean loading = new AtomicBoolean(true);
            List<LostPhoneRoundTrip.Timing> loaded = Collections.synchronizedList(new ArrayList<>());
            Thread trips = new Thread(() -> {
                for (BenchUser user : users) {
                    try {
                        LostPhoneRoundTrip.Timing timing = LostPhoneRoundTrip.run(own, server.baseUrl(), Flow.VIGI.realm, user, mail);
                        if (!loading.get()) {
                            return; // ended after the load: not a loaded round trip
                        }
                        loaded.add(timing);
                    } catch (Exception | AssertionError e) {
                        results.lostPhoneError("under load: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }, "bench-lost-under-load");
            trips.start();
            ClosedLoop.Block load = block("lostload", Flow.VIGI, plan.block());
            loading.set(false);
            trips.join();
            results.lostPhoneUnderLoad(loaded, load);
            log("lost-phone round trips under login load: " + loaded.size());
        }

        /** One password check's CPU, from our re-confirmation page (see PasswordHashProbe). */
        private void passwordHash() throws Exception {
            List<BenchUser> users = BenchUsers.create(admin.realm(Flow.VIGI.realm), "hash", 0, 4, false);
            BenchSession session = new BenchSession(BenchSession.newClient(), server.baseUrl());
            try {
                PasswordHashProbe.Result probe = PasswordHashProbe.run(session, server.baseUrl(), Flow.VIGI.realm, users,
                        plan.hashPairs(), kc);
                results.passwordHash(probe, null);
                log(String.format("password check: %.1f server-CPU-ms (POST %.1f - page alone %.1f, %d pairs)", probe.hashCpuMs(),
                        probe.passwordPostCpuMs(), probe.pageReloadCpuMs(), probe.pairs()));
            } catch (RuntimeException e) {
                results.passwordHash(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                log("password check not measured: " + e.getMessage());
            }
        }
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
