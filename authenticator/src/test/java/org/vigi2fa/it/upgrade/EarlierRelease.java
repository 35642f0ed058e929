package org.vigi2fa.it.upgrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.vigi2fa.testing.server.KeycloakProcess;

/**
 * The provider JAR and realm file of an earlier commit of this project, built by the test from the clone's own history
 * (git archive, then Maven offline, online when an artifact is missing), once per build folder.
 */
record EarlierRelease(String commit, Path jar, Path realmFile) {

    /** main just before the security-activity table: release 1.0.0, which kept the last sign-in as a user attribute. */
    static final String BEFORE_ACTIVITY_TABLE = "48d3f2b";

    static EarlierRelease build(String commit) {
        Path project = Path.of(System.getProperty("vigi.project.dir"));
        Path dir = Path.of(System.getProperty("vigi.provider.jar")).resolveSibling("earlier-" + commit);
        if (run(List.of("git", "-C", project.toString(), "cat-file", "-e", commit + "^{commit}"), project).exit != 0) {
            throw new AssertionError("commit " + commit + " is not in the git history at " + project + " (a shallow clone,"
                    + " or no clone at all?): the upgrade test builds the provider JAR of that commit. In a shallow clone"
                    + " fetch the history: git fetch --unshallow");
        }
        Path jar = providerJar(dir);
        if (jar == null) {
            try {
                KeycloakProcess.deleteTree(dir);
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new AssertionError("cannot prepare " + dir, e);
            }
            Path tar = dir.resolve("source.tar");
            check(run(List.of("git", "-C", project.toString(), "archive", "-o", tar.toString(), commit), project), "git archive");
            check(run(List.of("tar", "-xf", tar.toString(), "-C", dir.toString()), dir), "tar");
            List<String> maven = new ArrayList<>(List.of("mvn", "-B", "-q", "-o", "-Dmaven.test.skip=true", "package"));
            if (run(maven, dir).exit != 0) {
                maven.remove("-o"); // an artifact the earlier build needs and this one does not: fetch it
                check(run(maven, dir), "mvn package of " + commit);
            }
            jar = providerJar(dir);
        }
        if (jar == null) {
            throw new AssertionError("the build of " + commit + " left no provider JAR in " + dir.resolve("authenticator/target"));
        }
        return new EarlierRelease(commit, jar, dir.resolve("realm-config/vigi-realm.json"));
    }

    /** vigi-2fa-keycloak[-version].jar in the build's target folder, or null. */
    private static Path providerJar(Path dir) {
        Path target = dir.resolve("authenticator/target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("vigi-2fa-keycloak(-[0-9][^-]*)?\\.jar"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new AssertionError("cannot list " + target, e);
        }
    }

    private record Result(int exit, String output) {
    }

    private static void check(Result result, String what) {
        if (result.exit != 0) {
            throw new AssertionError(what + " failed (exit " + result.exit + "):\n" + result.output);
        }
    }

    private static Result run(List<String> command, Path dir) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }
}
