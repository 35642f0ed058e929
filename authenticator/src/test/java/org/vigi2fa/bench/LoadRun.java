package org.vigi2fa.bench;

import static org.vigi2fa.bench.LoginLoadBenchmark.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.keycloak.admin.client.Keycloak;
import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.BenchUsers.BenchUser;
import org.vigi2fa.bench.LoginLoadBenchmark.Plan;

/** One benchmark run against a started server: user pools, the smoke check, warm-up, the login rounds; then the phases. */
final class LoadRun {
    final Plan plan;
    final BenchServer server;
    final Keycloak admin;
    final GreenMail mail;
    final BenchResults results;
    final ProcessHandle kc;
    final List<BenchSession> sessions = new ArrayList<>();
    final Map<Flow, UserPool> pools = new EnumMap<>(Flow.class);
    private final Map<Flow, Integer> created = new EnumMap<>(Flow.class);

    LoadRun(Plan plan, BenchServer server, Keycloak admin, GreenMail mail, BenchResults results) {
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
            EnrolmentPhase.enrolment(this);
            EnrolmentPhase.passwordHash(this);
        }
        if (phases.contains("lost")) {
            LostPhonePhase.run(this);
        }
        if (phases.contains("login") || phases.contains("enrol")) {
            ProfilePhase.stepProfile(this);
            ProfilePhase.codePageRender(this);
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

    ClosedLoop.Block block(String phase, Flow flow, Duration duration) throws InterruptedException {
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
}
