package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keycloak install as an operator keeps one across releases of the provider: a copy of the distribution beside the
 * suite's (copied once, so the suite's server and database stay untouched), whose dev-file database lives from one
 * start to the next, and on each start the provider JARs the operator put into providers/. It listens on the suite's
 * ports plus {@link #PORT_OFFSET} and mails its realm to the suite's SMTP port plus the same offset.
 */
public final class OperatorInstall {

    static final int PORT_OFFSET = 13;

    private final ServerSettings base;
    private boolean started;

    private OperatorInstall(ServerSettings base) {
        this.base = base;
    }

    /**
     * A copy named {@code name} with an empty database; its first start imports {@code realmFile} with the realm
     * variables of the suite (SMTP on {@link #smtpPort()}) and {@code realmEnv} on top.
     */
    public static OperatorInstall fresh(String name, Path realmFile, Map<String, String> realmEnv) {
        ServerSettings main = ServerSettings.fromSystemProperties(Integer.getInteger("vigi.smtp.port", 3125));
        return create(name, realmFile, main, realmEnv);
    }

    /** A copy named {@code name} with the settings the run command starts the product with (as it ships). */
    public static OperatorInstall asShipped(String name) {
        ServerSettings main = ServerSettings.fromSystemProperties(Integer.getInteger("vigi.smtp.port", 3125)).withProductDefaults();
        return create(name, main.realmFile(), main, Map.of());
    }

    private static OperatorInstall create(String name, Path realmFile, ServerSettings main, Map<String, String> realmEnv) {
        Path home = main.distribution().resolveSibling(main.distribution().getFileName() + "-" + name);
        int smtpPort = main.smtpPort() + PORT_OFFSET;
        Map<String, String> env = new LinkedHashMap<>(main.realmEnv());
        env.put("VIGI_SMTP_PORT", Integer.toString(smtpPort));
        env.putAll(realmEnv);
        try {
            KeycloakProcess.copyOnce(main.distribution(), home);
            KeycloakProcess.deleteTree(home.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OperatorInstall(new ServerSettings(home, realmFile, List.of(), main.httpPort() + PORT_OFFSET,
                main.managementPort() + PORT_OFFSET, smtpPort, env));
    }

    /** Starts it with exactly these JARs in providers/: the first start imports the realm, later ones keep the database. */
    public KeycloakUnderTest start(List<Path> providerJars) {
        ServerSettings settings = new ServerSettings(base.distribution(), base.realmFile(), providerJars, base.httpPort(),
                base.managementPort(), base.smtpPort(), base.realmEnv());
        DistributionServer server = started ? DistributionServer.restart(settings) : DistributionServer.start(settings);
        started = true;
        return server;
    }

    /** The suite's own provider JAR (this build) and, when built, its test-support JAR. */
    public static List<Path> thisBuild() {
        return ServerSettings.fromSystemProperties(0).providerJars();
    }

    /** The provider JAR of this build alone, as an operator (and the run command) installs it. */
    public static List<Path> productOnly() {
        return ServerSettings.fromSystemProperties(0).withProductDefaults().providerJars();
    }

    public int smtpPort() {
        return base.smtpPort();
    }

    /** The admin CLI of this install, as an operator runs it. */
    public Path kcadm() {
        return base.distribution().resolve("bin/kcadm.sh");
    }

    /** What the last start printed. */
    public String log() {
        try {
            return Files.readString(DistributionServer.logOf(base.distribution()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
