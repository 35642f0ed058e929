package org.vigi2fa.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The benchmark's arithmetic: median, nearest-rank percentiles, min and max, rounding and the figures' format. */
final class BenchStats {

    private BenchStats() {
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return null;
        }
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Min of a non-empty collection. */
    static double min(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** Max of a non-empty collection. */
    static double max(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    static Double round(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }

    static String fmt(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
        }
        return value.toString();
    }
}
