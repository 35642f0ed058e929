package org.vigi2fa.bench;

import static org.vigi2fa.bench.BenchStats.round;
import static org.vigi2fa.bench.RoundRatios.cpu;
import static org.vigi2fa.bench.RoundRatios.rate;
import static org.vigi2fa.bench.RoundRatios.ratio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigi2fa.bench.ClosedLoop.Block;

/** The enrolment part of benchmarks.json: each action's figures, the ratios, and the server-CPU goal. */
final class EnrolmentFigures {

    /** CPU at most built-in + one password check, plus this share; throughput ratio this close to the CPU ratio. */
    static final double GOAL_ENROL_CPU_MARGIN = 0.10;
    static final double GOAL_ENROL_WAITING = 0.10;

    private EnrolmentFigures() {
    }

    static Map<String, Object> of(List<Map<String, Block>> rounds, String reason, PasswordHashProbe.Result hashProbe,
                                  String hashReason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("measured", reason == null && !rounds.isEmpty());
        if (reason != null || rounds.isEmpty()) {
            out.put("reason", reason == null ? "not reached (run stopped earlier)" : reason);
            return out;
        }
        out.put("definition", "fresh browser: authorization request with kc_action -> login page -> POST password -> "
                + "builtin: CONFIGURE_TOTP page -> POST code; vigi: confirm -> password again -> scan -> POST code; "
                + "-> 302 to the client. OTP credentials are removed between blocks (untimed) so users enrol again.");
        for (String which : List.of("builtin", "vigi")) {
            out.put(which, action(rounds, which));
        }
        Map<String, Object> throughput = ratio(rounds, r -> rate(r.get("vigi")), r -> rate(r.get("builtin")), null);
        Map<String, Object> cpuRatio = ratio(rounds, r -> cpu(r.get("builtin")), r -> cpu(r.get("vigi")), null);
        out.put("enrol_ratio_vigi_over_builtin", throughput);
        out.put("enrol_cpu_ratio_vigi_over_builtin", cpuRatio.get("median"));
        out.put("enrol_cpu_ratio_vigi_over_builtin_rounds", cpuRatio);
        Double vigiCpu = RoundRatios.medianCpu(rounds, "vigi");
        Double builtinCpu = RoundRatios.medianCpu(rounds, "builtin");
        Double hash = hashProbe == null ? null : round(hashProbe.hashCpuMs());
        out.put("enrol_cpu_ms_vigi", round(vigiCpu));
        out.put("enrol_cpu_ms_builtin", round(builtinCpu));
        out.put("password_hash_cpu_ms", hash);
        out.put("password_hash_probe", hashProbe == null ? Map.of("reason", String.valueOf(hashReason))
                : Map.of("pairs", hashProbe.pairs(), "password_post_cpu_ms", round(hashProbe.passwordPostCpuMs()),
                        "scan_page_alone_cpu_ms", round(hashProbe.pageReloadCpuMs()),
                        "how", "our re-confirmation POST (check + scan page) minus a reload of the scan page, one pair at a time"));
        out.put("enrol_cpu_goal", cpuGoal(vigiCpu, builtinCpu, hash, (Double) throughput.get("median"), (Double) cpuRatio.get("median")));
        return out;
    }

    /** One enrolment action ("builtin" or "vigi") over the rounds. */
    private static Map<String, Object> action(List<Map<String, Block>> rounds, String which) {
        List<Block> valid = rounds.stream().map(r -> r.get(which)).filter(Block::valid).toList();
        List<Double> after = LoginFigures.pooled(valid, s -> s.codeStep);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("action", which.equals("vigi") ? "vigi-2fa-enable" : "CONFIGURE_TOTP");
        f.put("enrolments_per_s_median", round(BenchStats.median(valid.stream().map(Block::perSecond).toList())));
        f.put("enrolments_per_s_per_round", rounds.stream().map(r -> r.get(which).valid() ? round(r.get(which).perSecond()) : null).toList());
        f.put("server_cpu_ms_per_enrolment_median", round(BenchStats.median(valid.stream().map(Block::serverCpuMsPerJourney).toList())));
        f.put("after_sign_in_ms_p50", round(BenchStats.percentile(after, 50)));
        f.put("after_sign_in_ms_p95", round(BenchStats.percentile(after, 95)));
        f.put("journey_ms_p50", round(BenchStats.percentile(LoginFigures.pooled(valid, s -> s.journey), 50)));
        f.put("void_block_reasons", rounds.stream().map(r -> r.get(which)).filter(b -> !b.valid())
                .map(RoundRatios::voidReason).toList());
        return f;
    }

    /** Enrolment CPU against built-in + one password check + 10 %, and whether throughput follows CPU (no waiting). */
    private static Map<String, Object> cpuGoal(Double vigi, Double builtin, Double hash, Double throughputRatio, Double cpuRatio) {
        Map<String, Object> goal = new LinkedHashMap<>();
        Double limit = builtin == null || hash == null ? null : (builtin + hash) * (1 + GOAL_ENROL_CPU_MARGIN);
        goal.put("rule", "enrol_cpu_ms_vigi <= (enrol_cpu_ms_builtin + password_hash_cpu_ms) x 1.10");
        goal.put("limit_ms", round(limit));
        goal.put("meets_goal", limit == null || vigi == null ? null : vigi <= limit);
        Double gap = throughputRatio == null || cpuRatio == null || cpuRatio == 0 ? null : throughputRatio / cpuRatio - 1;
        goal.put("throughput_over_cpu_ratio_minus_1", round(gap));
        goal.put("throughput_within_10_percent_of_cpu_ratio", gap == null ? null : Math.abs(gap) <= GOAL_ENROL_WAITING);
        return goal;
    }
}
