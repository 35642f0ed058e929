package org.vigi2fa.bench;

import static org.vigi2fa.bench.LoginLoadBenchmark.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.BenchUsers.BenchUser;

/** The enrolment rounds (Keycloak's CONFIGURE_TOTP against ours, users reset between blocks) and one password check's CPU. */
final class EnrolmentPhase {

    private EnrolmentPhase() {
    }

    static void enrolment(LoadRun run) throws Exception {
        UserPool builtinUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
        UserPool vigiUsers = new UserPool(UserPool.Reuse.AFTER_RESET);
        builtinUsers.add(BenchUsers.create(run.admin.realm(Flow.BUILTIN.realm), "enrol", 0, run.plan.enrolUsers(), false));
        vigiUsers.add(BenchUsers.create(run.admin.realm(Flow.VIGI.realm), "enrol", 0, run.plan.enrolUsers(), false));
        List<BenchUser> builtinEnrolled = Collections.synchronizedList(new ArrayList<>());
        List<BenchUser> vigiEnrolled = Collections.synchronizedList(new ArrayList<>());
        ClosedLoop.Journey builtin = Journeys.builtinEnrolment(run.server.baseUrl(), Flow.BUILTIN.realm, builtinUsers, builtinEnrolled::add);
        ClosedLoop.Journey vigi = Journeys.vigiEnrolment(run.server.baseUrl(), Flow.VIGI.realm, vigiUsers, vigiEnrolled::add);
        for (Map.Entry<String, ClosedLoop.Journey> each : Map.of("CONFIGURE_TOTP", builtin, "vigi-2fa-enable", vigi).entrySet()) {
            ClosedLoop.Block probe = ClosedLoop.run("enrol-probe", run.sessions.subList(0, 1), Duration.ofSeconds(60), 1, run.kc, each.getValue());
            if (!probe.valid()) {
                run.results.enrolmentNotMeasured(each.getKey() + " enrolment does not complete on this build: " + probe.firstError());
                log("enrolment not measured: " + each.getKey() + ": " + probe.firstError());
                return;
            }
        }
        // Warm-up both once, then interleaved rounds; users are reset (OTP removed) between blocks.
        for (int round = -1; round < run.plan.enrolRounds(); round++) {
            Map<String, ClosedLoop.Block> blocks = new LinkedHashMap<>();
            String[] order = round % 2 == 0 ? new String[] {"builtin", "vigi"} : new String[] {"vigi", "builtin"};
            for (String which : order) {
                boolean isVigi = which.equals("vigi");
                resetEnrolled(run, isVigi ? vigiEnrolled : builtinEnrolled, isVigi ? vigiUsers : builtinUsers,
                        isVigi ? Flow.VIGI : Flow.BUILTIN);
                ClosedLoop.Block block = ClosedLoop.run("enrol-" + which, run.sessions, run.plan.enrolBlock(),
                        run.plan.enrolUsers(), run.kc, isVigi ? vigi : builtin);
                log(String.format("%-8s enrol-%-7s %6.2f enrolments/s %4d ok %3d errors %6.1f server-CPU-ms/enrolment%s",
                        round < 0 ? "warmup" : "round" + (round + 1), which, block.perSecond(), block.completed(), block.errors(),
                        block.serverCpuMsPerJourney(), block.firstError() == null ? "" : "  first error: " + block.firstError()));
                blocks.put(which, block);
            }
            if (round >= 0) {
                run.results.enrolRound(blocks);
            }
        }
    }

    /** Removes the OTP credential of everyone who enrolled, outside the timed block, so they can enrol again. */
    private static void resetEnrolled(LoadRun run, List<BenchUser> enrolled, UserPool pool, Flow flow) {
        synchronized (enrolled) {
            for (BenchUser user : enrolled) {
                BenchUsers.removeOtp(run.admin.realm(flow.realm), user);
            }
            enrolled.clear();
        }
        pool.reset();
    }

    /** One password check's CPU, from our re-confirmation page (see PasswordHashProbe). */
    static void passwordHash(LoadRun run) throws Exception {
        List<BenchUser> users = BenchUsers.create(run.admin.realm(Flow.VIGI.realm), "hash", 0, 4, false);
        BenchSession session = new BenchSession(BenchSession.newClient(), run.server.baseUrl());
        try {
            PasswordHashProbe.Result probe = PasswordHashProbe.run(session, run.server.baseUrl(), Flow.VIGI.realm, users,
                    run.plan.hashPairs(), run.kc);
            run.results.passwordHash(probe, null);
            log(String.format("password check: %.1f server-CPU-ms (POST %.1f - page alone %.1f, %d pairs)", probe.hashCpuMs(),
                    probe.passwordPostCpuMs(), probe.pageReloadCpuMs(), probe.pairs()));
        } catch (RuntimeException e) {
            run.results.passwordHash(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            log("password check not measured: " + e.getMessage());
        }
    }
}
