package org.vigi2fa.bench;

import static org.vigi2fa.bench.BenchStats.percentile;
import static org.vigi2fa.bench.BenchStats.round;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.vigi2fa.bench.ClosedLoop.Block;
import org.vigi2fa.bench.LostPhoneRoundTrip.Timing;

/** The lost-phone part of benchmarks.json: the round trips one at a time, then the same under login load. */
final class LostPhoneFigures {

    private LostPhoneFigures() {
    }

    static Map<String, Object> of(List<Timing> alone, String reason, List<String> errors, List<Timing> loaded, Block load,
                                  int threads) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("measured", alone != null && !alone.isEmpty());
        if (alone == null || alone.isEmpty()) {
            out.put("reason", reason == null ? "not reached (run stopped earlier)" : reason);
            return out;
        }
        out.put("definition", "one at a time, fresh user: code page -> POST lost-phone -> 'check your mailbox' page (request) -> "
                + "mail in the SMTP server on loopback (mail) -> GET link, POST confirm (confirm)");
        out.put("round_trips", alone.size());
        out.put("total_ms_p50", round(percentile(times(alone, Timing::total), 50)));
        out.put("total_ms_p95", round(percentile(times(alone, Timing::total), 95)));
        out.put("request_ms_p50", round(percentile(times(alone, Timing::request), 50)));
        out.put("mail_ms_p50", round(percentile(times(alone, Timing::mail), 50)));
        out.put("confirm_ms_p50", round(percentile(times(alone, Timing::confirm), 50)));
        out.put("errors", errors);
        out.put("under_login_load", underLoad(loaded, load, threads));
        return out;
    }

    private static Map<String, Object> underLoad(List<Timing> timings, Block load, int threads) {
        Map<String, Object> loaded = new LinkedHashMap<>();
        loaded.put("definition", "the same round trip by a browser of its own while " + threads + " virtual users sign in "
                + "to bench-vigi back to back, as in a login round");
        List<Double> totals = timings == null ? List.of() : times(timings, Timing::total);
        loaded.put("round_trips", totals.size());
        loaded.put("total_ms_p50", round(percentile(totals, 50)));
        loaded.put("total_ms_p95", round(percentile(totals, 95)));
        loaded.put("load_logins_per_s", load == null ? null : round(load.perSecond()));
        loaded.put("load_block", load == null ? null : load.valid() ? "valid" : RoundRatios.voidReason(load));
        return loaded;
    }

    private static List<Double> times(List<Timing> timings, ToDoubleFunction<Timing> part) {
        return timings.stream().map(t -> part.applyAsDouble(t)).toList();
    }
}
