package org.vigi2fa.bench;

import static org.vigi2fa.bench.BenchStats.round;
import static org.vigi2fa.bench.RoundRatios.cpu;
import static org.vigi2fa.bench.RoundRatios.rate;
import static org.vigi2fa.bench.RoundRatios.ratio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.ClosedLoop.Block;

/** The login part of benchmarks.json: each flow's figures over the rounds, then the ratios between flows. */
final class LoginFigures {

    /** Goals: login ours/built-in by throughput and by server CPU, ours/password-only by CPU. */
    static final double GOAL_LOGIN_VS_BUILTIN = 0.97;
    static final double GOAL_LOGIN_CPU_VS_BUILTIN = 1.00;
    static final double GOAL_LOGIN_CPU_VS_PASSWORD = 0.95;

    private LoginFigures() {
    }

    static Map<String, Object> of(List<Map<Flow, Block>> rounds, Map<Flow, Long> starved) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> perFlow = new LinkedHashMap<>();
        for (Flow flow : Flow.values()) {
            perFlow.put(flow.key(), flow(rounds.stream().map(r -> r.get(flow)).toList(), flow, starved.getOrDefault(flow, 0L)));
        }
        out.put("per_flow", perFlow);
        out.put("login_ratio_vigi_over_builtin", ratio(rounds, r -> rate(r.get(Flow.VIGI)), r -> rate(r.get(Flow.BUILTIN)), GOAL_LOGIN_VS_BUILTIN));
        out.put("login_ratio_vigi_over_password", ratio(rounds, r -> rate(r.get(Flow.VIGI)), r -> rate(r.get(Flow.PASSWORD)), null));
        out.put("login_ratio_builtin_over_password", ratio(rounds, r -> rate(r.get(Flow.BUILTIN)), r -> rate(r.get(Flow.PASSWORD)), null));
        // The headline: what a CPU-bound server would reach, the inverse ratio of server CPU per login, per round (steady
        // on a shared machine: it does not count time spent waiting for the cores).
        Map<String, Object> cpuBuiltin = ratio(rounds, r -> cpu(r.get(Flow.BUILTIN)), r -> cpu(r.get(Flow.VIGI)), GOAL_LOGIN_CPU_VS_BUILTIN);
        Map<String, Object> cpuPassword = ratio(rounds, r -> cpu(r.get(Flow.PASSWORD)), r -> cpu(r.get(Flow.VIGI)), GOAL_LOGIN_CPU_VS_PASSWORD);
        out.put("login_cpu_ratio_vigi_over_builtin", cpuBuiltin.get("median"));
        out.put("login_cpu_ratio_vigi_over_password", cpuPassword.get("median"));
        out.put("login_cpu_ratio_vigi_over_builtin_rounds", cpuBuiltin);
        out.put("login_cpu_ratio_vigi_over_password_rounds", cpuPassword);
        return out;
    }

    /** One flow's blocks, one a round: rates and CPU over the valid ones, step latencies pooled. */
    private static Map<String, Object> flow(List<Block> blocks, Flow flow, long waits) {
        List<Block> valid = blocks.stream().filter(Block::valid).toList();
        List<Double> code = pooled(valid, s -> s.codeStep);
        List<Double> journey = pooled(valid, s -> s.journey);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("realm", flow.realm);
        f.put("flow", flow.label);
        f.put("logins_per_s_median", round(BenchStats.median(valid.stream().map(Block::perSecond).toList())));
        f.put("logins_per_s_per_round", blocks.stream().map(b -> b.valid() ? round(b.perSecond()) : null).toList());
        f.put("server_cpu_ms_per_login_median", round(BenchStats.median(valid.stream().map(Block::serverCpuMsPerJourney).toList())));
        f.put("code_step_ms_p50", flow == Flow.PASSWORD ? null : round(BenchStats.percentile(code, 50)));
        f.put("code_step_ms_p95", flow == Flow.PASSWORD ? null : round(BenchStats.percentile(code, 95)));
        f.put("password_step_ms_p50", round(BenchStats.percentile(pooled(valid, s -> s.passwordStep), 50)));
        f.put("password_step_ms_p50_per_round", blocks.stream()
                .map(b -> b.valid() ? round(BenchStats.percentile(b.steps().passwordStep, 50)) : null).toList());
        f.put("code_step_ms_p50_per_round", flow == Flow.PASSWORD ? null : blocks.stream()
                .map(b -> b.valid() ? round(BenchStats.percentile(b.steps().codeStep, 50)) : null).toList());
        f.put("login_ms_p50", round(BenchStats.percentile(journey, 50)));
        f.put("login_ms_p95", round(BenchStats.percentile(journey, 95)));
        f.put("logins_measured", journey.size());
        f.put("void_blocks", blocks.size() - valid.size());
        f.put("void_block_reasons", blocks.stream().filter(b -> !b.valid()).map(RoundRatios::voidReason).toList());
        f.put("waits_for_a_user", waits);
        return f;
    }

    /** The latencies of one step over the blocks, in block order. */
    static List<Double> pooled(List<Block> blocks, Function<ClosedLoop.Steps, List<Double>> step) {
        return blocks.stream().flatMap(b -> step.apply(b.steps()).stream()).toList();
    }
}
