package org.vigi2fa.bench;

import static org.vigi2fa.bench.LoginLoadBenchmark.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigi2fa.bench.BenchRealms.Flow;

/** Where the cost goes: journeys one at a time with per-request server CPU, and the code page rendered alone. */
final class ProfilePhase {

    private ProfilePhase() {
    }

    /** Journeys one at a time with per-request server CPU: where each journey's cost goes. */
    static void stepProfile(LoadRun run) throws Exception {
        int n = Integer.getInteger("bench.profile.journeys", run.plan.profileJourneys());
        BenchSession session = new BenchSession(BenchSession.newClient(), run.server.baseUrl());
        Map<String, ClosedLoop.Journey> journeys = new LinkedHashMap<>();
        for (Flow flow : Flow.values()) {
            journeys.put("login " + flow.key(), Journeys.login(run.server.baseUrl(), flow, run.pools.get(flow)));
        }
        UserPool builtinUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
        UserPool vigiUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
        builtinUsers.add(BenchUsers.create(run.admin.realm(Flow.BUILTIN.realm), "prof", 0, n + 2, false));
        vigiUsers.add(BenchUsers.create(run.admin.realm(Flow.VIGI.realm), "prof", 0, n + 2, false));
        journeys.put("enrol builtin CONFIGURE_TOTP", Journeys.builtinEnrolment(run.server.baseUrl(), Flow.BUILTIN.realm, builtinUsers, u -> { }));
        journeys.put("enrol vigi vigi-2fa-enable", Journeys.vigiEnrolment(run.server.baseUrl(), Flow.VIGI.realm, vigiUsers, u -> { }));
        for (Map.Entry<String, ClosedLoop.Journey> each : journeys.entrySet()) {
            StepProfile profile = new StepProfile();
            session.profile(run.kc, profile);
            // Two unprofiled journeys first would need two more users; the blocks before warmed everything up.
            ClosedLoop.Block block = ClosedLoop.run("profile", List.of(session), Duration.ofMinutes(2), n, run.kc, each.getValue());
            run.results.stepProfile(each.getKey(), block.valid() ? profile.summary() : null,
                    block.valid() ? null : block.errors() + " errors, first: " + block.firstError());
            log(String.format("profile %-30s %d journeys, %.1f server-CPU-ms each", each.getKey(), block.completed(),
                    block.serverCpuMsPerJourney()));
        }
    }

    /**
     * The code page alone: after the password, reload it (GET of its form action, as a browser refresh does) a few
     * times and time each render with the server's CPU. Separates template cost from the password hash.
     */
    static void codePageRender(LoadRun run) {
        BenchSession session = new BenchSession(BenchSession.newClient(), run.server.baseUrl());
        for (Flow flow : List.of(Flow.BUILTIN, Flow.VIGI)) {
            List<Double> millis = new ArrayList<>();
            double cpu = 0;
            String expected = flow == Flow.VIGI ? "login-vigi-2fa-code" : "login-login-otp";
            try {
                for (int i = 0; i < 10; i++) {
                    UserPool.Lease lease = run.pools.get(flow).take();
                    if (lease == null) {
                        continue;
                    }
                    session.reset();
                    BenchSession.Response login = session.get(Journeys.authUrl(run.server.baseUrl(), flow.realm, null));
                    BenchSession.Response page = session.post(login.formAction("kc-form-login"), Map.of(
                            "username", lease.user().username(), "password", BenchUsers.PASSWORD, "credentialId", ""));
                    cpu += reloads(run, session, page.formAction("kc-otp-login-form"), expected, millis);
                }
                run.results.codePageRender(flow.key(), millis, millis.isEmpty() ? null : cpu / millis.size(), null);
                log(String.format("code page render %-8s %d reloads, p50 %.1f ms, %.1f server-CPU-ms each", flow.key(), millis.size(),
                        BenchStats.percentile(millis, 50), cpu / Math.max(1, millis.size())));
            } catch (RuntimeException e) {
                run.results.codePageRender(flow.key(), millis, null, e.getClass().getSimpleName() + ": " + e.getMessage());
                log("code page render " + flow.key() + " not measured: " + e.getMessage());
            }
        }
    }

    /** Reloads the code page up to five times; adds each latency to {@code millis}, returns the server CPU-ms they took. */
    private static double reloads(LoadRun run, BenchSession session, String firstAction, String expected, List<Double> millis) {
        double cpu = 0;
        String action = firstAction;
        for (int k = 0; k < 5 && action != null; k++) {
            double before = CpuClock.processCpuMs(run.kc);
            long t = System.nanoTime();
            BenchSession.Response again = session.get(action);
            millis.add((System.nanoTime() - t) / 1e6);
            cpu += CpuClock.processCpuMs(run.kc) - before;
            if (!expected.equals(again.pageId())) {
                throw new IllegalStateException("reload showed '" + again.pageId() + "' instead of " + expected);
            }
            action = again.formAction("kc-otp-login-form");
        }
        return cpu;
    }
}
