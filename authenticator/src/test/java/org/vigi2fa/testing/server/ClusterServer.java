package org.vigi2fa.testing.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.Pause;

/**
 * Two Keycloak nodes from the official distribution in production mode ({@code kc.sh build}, then
 * {@code start --optimized}) on one PostgreSQL, their caches one Infinispan cluster. Discovery is Keycloak's default
 * {@code jdbc-ping} stack: the nodes find each other through a table in the database they share, so nothing but the
 * database and loopback TCP is needed. Both nodes have the same public URL (node 0's address, as a load balancer's
 * would be) so issuers, links and form actions are the same whichever node answers; tests reach each node directly
 * on its own port with that Host header. Ports: HTTP, management and cluster transport each count up from the base.
 */
final class ClusterServer implements KeycloakUnderTest, ClusterNodes {

    private static final Duration VIEW_TIMEOUT = Duration.ofMinutes(2);
    private static final String[] NAMES = {"node-a", "node-b", "node-c"};
    /** ISPN000094: Received new cluster view for channel ISPN: [node-a|1] (2) [node-a, node-b] */
    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^]]*] \\((\\d+)\\)");

    private final Path home;
    private final PostgresProcess postgres;
    private final ClusterLaunch launch;
    private final Process[] processes;
    private final Path[] logs;
    private final int[] starts;
    private final boolean testClock;

    private ClusterServer(ServerSettings settings, PostgresProcess postgres, int nodes, int transportPort) {
        this.home = settings.distribution();
        this.postgres = postgres;
        this.launch = new ClusterLaunch(settings, postgres, transportPort);
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
            cluster.launch.prepareAndBuild();
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

    private void startNode(int node) {
        Path log = home.resolve(NAMES[node] + (starts[node] == 0 ? "" : "." + starts[node]) + ".log");
        boolean importRealm = node == 0 && starts[0] == 0;
        starts[node]++;
        logs[node] = log;
        processes[node] = launch.start(node, NAMES[node], importRealm, log);
        launch.awaitReady(node, processes[node], log);
    }

    /** Waits until the node's latest cluster view has the given number of members. */
    private void awaitView(int node, int members) {
        long deadline = System.nanoTime() + VIEW_TIMEOUT.toNanos();
        while (viewSize(node) != members) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(NAMES[node] + " never saw a cluster of " + members + " (last view: "
                        + viewSize(node) + "); see " + logs[node]);
            }
            Pause.millis(500);
        }
    }

    @Override
    public String baseUrl() {
        return launch.publicUrl();
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
            urls.add("http://127.0.0.1:" + launch.httpPort(node));
        }
        return urls;
    }

    @Override
    public Path log(int node) {
        return logs[node];
    }

    @Override
    public int viewSize(int node) {
        Matcher matcher = VIEW.matcher(Blocking.call(() -> Files.readString(logs[node])));
        int size = 0;
        while (matcher.find()) {
            size = Integer.parseInt(matcher.group(1));
        }
        return size;
    }

    @Override
    public synchronized void kill(int node) {
        Process process = processes[node];
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!Blocking.call(() -> process.waitFor(30, TimeUnit.SECONDS))) {
            throw new IllegalStateException(NAMES[node] + " survived SIGKILL");
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

}
