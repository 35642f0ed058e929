package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two Keycloak nodes from the official distribution in production mode ({@code kc.sh build}, then
 * {@code start --optimized}) on one PostgreSQL, their caches one Infinispan cluster. Discovery is Keycloak's default
 * {@code jdbc-ping} stack: the nodes find each other through a table in the database they share, so nothing but the
 * database and loopback TCP is needed. Both nodes have the same public URL (node 0's address, as a load balancer's
 * would be) so issuers, links and form actions are the same whichever node answers; tests reach each node directly
 * on its own port with that Host header. Ports: HTTP, management and cluster transport each count up from the base.
 */
final class ClusterServer implements KeycloakUnderTest, ClusterNodes {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration VIEW_TIMEOUT = Duration.ofMinutes(2);
    private static final String[] NAMES = {"node-a", "node-b", "node-c"};
    /** ISPN000094: Received new cluster view for channel ISPN: [node-a|1] (2) [node-a, node-b] */
    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^]]*] \\((\\d+)\\)");

    private final ServerSettings settings;
    private final Path home;
    private final PostgresProcess postgres;
    private final String publicUrl;
    private final int transportPort;
    private final Process[] processes;
    private final Path[] logs;
    private final int[] starts;
    private final boolean testClock;

    private ClusterServer(ServerSettings settings, PostgresProcess postgres, int nodes, int transportPort) {
        this.settings = settings;
        this.home = settings.distribution();
        this.postgres = postgres;
        this.publicUrl = "http://localhost:" + settings.httpPort();
        this.transportPort = transportPort;
        this.processes = new Process[nodes];
        this.logs = new Path[nodes];
        this.starts = new int[nodes];
        this.testClock = settings.withTestSupport();
    }

    static ClusterServer start(ServerSettings settings) {
        Path home = settings.distribution();
        if (home == null || !Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (mvn verify -Dvigi.server=cluster unpacks it)");
        }
        int nodes = Integer.getInteger("vigi.cluster.nodes", 2);
        int transportPort = Integer.getInteger("vigi.cluster.transport.port", 7801);
        PostgresProcess postgres = PostgresProcess.start(home.resolveSibling("postgres"), Integer.getInteger("vigi.postgres.port", 55432));
        ClusterServer cluster = new ClusterServer(settings, postgres, nodes, transportPort);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        try {
            cluster.prepare();
            cluster.build();
            // one after the other: the first imports the realm into the empty database, the others find it there
            for (int node = 0; node < nodes; node++) {
                cluster.startNode(node);
            }
            for (int node = 0; node < nodes; node++) {
                cluster.awaitView(node, nodes);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A fresh data folder, our JARs in providers/ and the realm file in data/import. */
    private void prepare() {
        try {
            KeycloakProcess.freshHome(home, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kc.sh build: PostgreSQL, clustered Infinispan caches, health checks on the management port. */
    private void build() {
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "build",
                "--db=postgres", "--cache=ispn", "--health-enabled=true");
        Path log = home.resolve("build.log");
        try {
            Process build = process(command, log).start();
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startNode(int node) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=" + postgres.jdbcUrl(), "--db-username=" + PostgresProcess.USER, "--db-password=" + PostgresProcess.PASSWORD,
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort(node),
                "--http-management-port=" + managementPort(node),
                // one public URL for every node, as behind a load balancer
                "--hostname=" + publicUrl,
                "--cache-stack=jdbc-ping",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + (transportPort + node),
                "--spi-cache-embedded-default-node-name=" + NAMES[node]));
        if (node == 0 && starts[0] == 0) {
            command.add("--import-realm");
        }
        Path log = home.resolve(NAMES[node] + (starts[node] == 0 ? "" : "." + starts[node]) + ".log");
        starts[node]++;
        try {
            processes[node] = process(command, log).start();
            logs[node] = log;
            KeycloakProcess.awaitReady(processes[node], managementPort(node), START_TIMEOUT, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder process(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ServerSettings.ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ServerSettings.ADMIN_PASSWORD);
        // a fixed heap per node: two nodes, the database and the tests share this machine with others
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m");
        env.putAll(settings.realmEnv());
        return builder;
    }

    private int httpPort(int node) {
        return settings.httpPort() + node;
    }

    private int managementPort(int node) {
        return settings.managementPort() + node;
    }

    /** Waits until the node's latest cluster view has the given number of members. */
    private void awaitView(int node, int members) {
        long deadline = System.nanoTime() + VIEW_TIMEOUT.toNanos();
        while (viewSize(node) != members) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(NAMES[node] + " never saw a cluster of " + members + " (last view: "
                        + viewSize(node) + "); see " + logs[node]);
            }
            pause(500);
        }
    }

    @Override
    public String baseUrl() {
        return publicUrl;
    }

    @Override
    public boolean hasTestClock() {
        return testClock;
    }

    /** The first start's log of node A (the node the public URL names) in a cluster distribution. */
    static Path firstNodeLog(Path home) {
        return home.resolve(NAMES[0] + ".log");
    }

    @Override
    public java.util.Optional<ClusterNodes> cluster() {
        return java.util.Optional.of(this);
    }

    @Override
    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (int node = 0; node < processes.length; node++) {
            urls.add("http://127.0.0.1:" + httpPort(node));
        }
        return urls;
    }

    @Override
    public Path log(int node) {
        return logs[node];
    }

    @Override
    public int viewSize(int node) {
        try {
            Matcher matcher = VIEW.matcher(Files.readString(logs[node]));
            int size = 0;
            while (matcher.find()) {
                size = Integer.parseInt(matcher.group(1));
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void kill(int node) {
        Process process = processes[node];
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(NAMES[node] + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void restart(int node) {
        if (processes[node].isAlive()) {
            throw new IllegalStateException(NAMES[node] + " is still running");
        }
        startNode(node);
        for (int n = 0; n < processes.length; n++) {
            awaitView(n, processes.length);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            if (process != null) {
                KeycloakProcess.stop(process);
            }
        }
        postgres.close();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
