package org.vigi2fa.bench;

import static org.vigi2fa.bench.BenchStats.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.vigi2fa.bench.ClosedLoop.Block;

/** Ratios between the blocks of one round (median, range, per round, goal) and what a block contributes to them. */
final class RoundRatios {

    private RoundRatios() {
    }

    static <R> Map<String, Object> ratio(List<R> rounds, Function<R, Double> top, Function<R, Double> bottom, Double goal) {
        List<Double> ratios = new ArrayList<>();
        List<Double> perRound = new ArrayList<>();
        for (R r : rounds) {
            Double a = top.apply(r);
            Double b = bottom.apply(r);
            Double q = a == null || b == null || b == 0 ? null : a / b;
            perRound.add(q == null ? null : round(q));
            if (q != null) {
                ratios.add(q);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median", round(BenchStats.median(ratios)));
        out.put("min", ratios.isEmpty() ? null : round(BenchStats.min(ratios)));
        out.put("max", ratios.isEmpty() ? null : round(BenchStats.max(ratios)));
        out.put("per_round", perRound);
        out.put("valid_rounds", ratios.size());
        if (goal != null) {
            out.put("goal", goal);
            Double median = BenchStats.median(ratios);
            out.put("meets_goal", median == null ? null : median >= goal);
        }
        return out;
    }

    static Double medianCpu(List<Map<String, Block>> rounds, String which) {
        return BenchStats.median(rounds.stream().map(r -> cpu(r.get(which))).filter(Objects::nonNull).toList());
    }

    static Double cpu(Block block) {
        return block == null || !block.valid() ? null : block.serverCpuMsPerJourney();
    }

    static Double rate(Block block) {
        return block == null || !block.valid() ? null : block.perSecond();
    }

    static String voidReason(Block b) {
        return b.name() + ": " + b.completed() + " ok, " + b.errors() + " errors, " + b.unavailable() + " waits for a user"
                + (b.firstError() == null ? "" : "; first error: " + b.firstError());
    }
}
