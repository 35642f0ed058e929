package org.vigi2fa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a journey's cost goes: journeys run one at a time, and each request's latency and the server's CPU time
 * around it are averaged per step. Coarse (the kernel counts CPU in 10 ms ticks) but unbiased over many journeys.
 */
final class StepProfile implements BenchSession.StepSink {

    private final Map<String, List<double[]>> steps = new LinkedHashMap<>();

    @Override
    public synchronized void step(int index, String method, String endedOn, double millis, double serverCpuMs) {
        steps.computeIfAbsent("#" + index + " " + method + " -> " + endedOn, k -> new ArrayList<>())
                .add(new double[] {millis, serverCpuMs});
    }

    /** Per step: count, mean latency, mean server CPU-ms. */
    synchronized List<Map<String, Object>> summary() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : steps.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", e.getKey());
            row.put("count", e.getValue().size());
            row.put("latency_ms_mean", BenchStats.round(e.getValue().stream().mapToDouble(v -> v[0]).average().orElse(Double.NaN)));
            row.put("server_cpu_ms_mean", BenchStats.round(e.getValue().stream().mapToDouble(v -> v[1]).average().orElse(Double.NaN)));
            out.add(row);
        }
        return out;
    }
}
