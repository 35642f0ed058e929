package org.vigi2fa.it.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.VigiEnvironment;

/**
 * Keycloak's {@code /metrics} read as Prometheus reads it: from the management port of every node of the test server
 * (the node's port counts up from {@code vigi.management.port}), in the text format. A series' value is its sum over
 * the nodes; a counter never moved has no series and reads 0.
 */
final class MetricsScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    static MetricsScrape of(VigiEnvironment env) {
        int base = Integer.getInteger("vigi.management.port", 9100);
        StringBuilder all = new StringBuilder();
        for (int node = 0; node < env.nodes().size(); node++) {
            all.append(get("http://localhost:" + (base + node) + "/metrics")).append('\n');
        }
        return new MetricsScrape(all.toString());
    }

    private static String get(String url) {
        HttpResponse<String> response = Blocking.call(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()));
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode() + " (is --metrics-enabled=true?)");
        }
        return response.body();
    }

    /** The whole scrape. */
    String text() {
        return text;
    }

    /** The series lines of the product's meters. */
    List<String> productLines() {
        return text.lines().filter(line -> line.startsWith("vigi_2fa_")).toList();
    }

    /** The sum of every series of this name whose labels include these ({@code "realm", "vigi", "path", "admin"}). */
    double value(String name, String... labels) {
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith(name + "{") && labelsOf(line).entrySet().containsAll(pairs(labels).entrySet())) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static Map<String, String> labelsOf(String line) {
        Map<String, String> labels = new HashMap<>();
        String inside = line.substring(line.indexOf('{') + 1, line.lastIndexOf('}'));
        for (String pair : inside.split(",(?=[a-zA-Z_]+=\")")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
        }
        return labels;
    }

    private static Map<String, String> pairs(String... labels) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return map;
    }
}
