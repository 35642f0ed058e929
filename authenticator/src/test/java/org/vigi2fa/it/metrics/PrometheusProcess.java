package org.vigi2fa.it.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.Pause;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on a free loopback port, its data under {@code target/},
 * scraping the given management ports every second; asked through its HTTP API.
 */
final class PrometheusProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String api;

    private PrometheusProcess(Process process, String api) {
        this.process = process;
        this.api = api;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts it scraping {@code /metrics} of these ports of localhost, on empty data (an earlier run's series must not
     * answer for this one's); returns once it answers ready.
     */
    static PrometheusProcess start(Path home, List<Integer> managementPorts) {
        try {
            if (Files.isDirectory(home.resolve("data"))) {
                try (Stream<Path> old = Files.walk(home.resolve("data"))) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(home.resolve("data"));
            String targets = managementPorts.stream().map(port -> "\"localhost:" + port + "\"").collect(Collectors.joining(", "));
            Files.writeString(home.resolve("prometheus.yml"), String.join("\n", "global:", "  scrape_interval: 1s",
                    "scrape_configs:", "  - job_name: keycloak", "    metrics_path: /metrics", "    static_configs:",
                    "      - targets: [" + targets + "]", ""));
            int port = freePort();
            Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + home.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
            PrometheusProcess prometheus = new PrometheusProcess(process, "http://127.0.0.1:" + port);
            if (!Pause.until(prometheus::ready, 60)) {
                prometheus.close();
                throw new IllegalStateException("Prometheus did not get ready; see " + home.resolve("prometheus.log"));
            }
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result list of an instant query ({@code /api/v1/query}); fails unless the API says success. */
    JsonNode query(String promql) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError(promql + ": " + answer);
        }
        return answer.path("data").path("result");
    }

    private boolean ready() {
        try {
            return process.isAlive() && HTTP.send(HttpRequest.newBuilder(URI.create(api + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = Blocking.call(() -> HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).build(),
                HttpResponse.BodyHandlers.ofString()));
        return Blocking.call(() -> new ObjectMapper().readTree(response.body()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        Pause.until(() -> !process.isAlive(), 10);
        process.destroyForcibly();
    }
}
