package org.vigi2fa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JMH results MicroBenchmark left in target/bench/jmh.json, in the shape the report uses. */
final class MicroResults {

    static final String FILE_PROPERTY = "bench.jmh.file";

    private MicroResults() {
    }

    static Path file() {
        return Path.of(System.getProperty(FILE_PROPERTY, "target/bench/jmh.json"));
    }

    static Map<String, Object> read() {
        Map<String, Object> out = new LinkedHashMap<>();
        Path file = file();
        if (!Files.isRegularFile(file)) {
            out.put("measured", false);
            out.put("reason", "no JMH results at " + file + " (run with -Dbench.jmh=true)");
            return out;
        }
        try {
            JsonNode results = new ObjectMapper().readTree(file.toFile());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode r : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                String name = r.path("benchmark").asText();
                row.put("benchmark", name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
                row.put("mode", r.path("mode").asText());
                row.put("score", BenchStats.round(r.path("primaryMetric").path("score").asDouble()));
                row.put("error", BenchStats.round(r.path("primaryMetric").path("scoreError").asDouble()));
                row.put("unit", r.path("primaryMetric").path("scoreUnit").asText());
                row.put("forks", r.path("forks").asInt());
                row.put("iterations", r.path("measurementIterations").asInt());
                rows.add(row);
            }
            out.put("measured", true);
            out.put("tool", "JMH, average time per call, own forked JVM");
            out.put("results", rows);
        } catch (IOException e) {
            out.put("measured", false);
            out.put("reason", "unreadable " + file + ": " + e.getMessage());
        }
        return out;
    }
}
