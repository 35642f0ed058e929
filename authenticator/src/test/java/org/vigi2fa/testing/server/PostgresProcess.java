package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL from Debian's packages (/usr/lib/postgresql/N/bin), run as its own server on 127.0.0.1 with a fresh data
 * folder. PostgreSQL refuses to run as root: a root launcher (CI) runs its commands as the {@code postgres} user the
 * Debian package creates ({@code runuser -u postgres}); anyone else runs them as themselves.
 */
public final class PostgresProcess implements AutoCloseable {

    public static final String DATABASE = "keycloak";
    public static final String USER = "keycloak";
    /** A loopback-only test database; the password only keeps scram authentication switched on. */
    public static final String PASSWORD = "keycloak-test";

    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresProcess(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** initdb into {@code dir}/data, start on 127.0.0.1:{@code port}, create the keycloak database. */
    public static PostgresProcess start(Path dir, int port) {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        PostgresProcess postgres = new PostgresProcess(bin, dir.toAbsolutePath(), port, root);
        try {
            postgres.stopLeftover();
            KeycloakProcess.deleteTree(postgres.dir);
            Files.createDirectories(postgres.dir);
            Path passwordFile = postgres.dir.resolve("password.txt");
            Files.writeString(passwordFile, PASSWORD + "\n");
            if (root) {
                UserPrincipal owner = postgres.dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(postgres.dir, owner);
                Files.setOwner(passwordFile, owner);
            }
            postgres.run("initdb", "-D", postgres.data().toString(), "-U", USER, "--pwfile=" + passwordFile,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale");
            postgres.run("pg_ctl", "-D", postgres.data().toString(), "-l", postgres.log().toString(), "-w", "-t", "90",
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + postgres.dir + " -c max_connections=200", "start");
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            postgres.run("createdb", "-h", postgres.dir.toString(), "-p", Integer.toString(port), "-U", USER, DATABASE);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest /usr/lib/postgresql/N/bin, or -Dvigi.postgres.bin. */
    private static Path binaries() {
        String configured = System.getProperty("vigi.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL under " + root + ": apt-get install postgresql (.ci/run does), "
                    + "or name its bin folder with -Dvigi.postgres.bin", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public Path log() {
        return dir.resolve("postgres.log");
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** A server an earlier, killed run left behind on this folder. */
    private void stopLeftover() {
        if (Files.isRegularFile(data().resolve("postmaster.pid"))) {
            try {
                run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
            } catch (RuntimeException alreadyGone) {
                // nothing runs there any more
            }
        }
    }

    private void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Path output = dir.resolve(tool + ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(Map.of("PGPASSWORD", PASSWORD, "LC_ALL", "C"));
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(tool + " failed with " + process.exitValue() + ": " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (fast shutdown); nothing when it is not running. */
    @Override
    public synchronized void close() {
        if (Files.isRegularFile(data().resolve("postmaster.pid"))) {
            run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
        }
    }
}
