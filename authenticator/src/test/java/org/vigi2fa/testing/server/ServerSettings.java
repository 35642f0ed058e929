package org.vigi2fa.testing.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the distribution, the JARs and the realm file are, and which ports to use; from system properties. */
public record ServerSettings(Path distribution, Path realmFile, List<Path> providerJars, int httpPort,
                             int managementPort, int smtpPort, Map<String, String> realmEnv) {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    static ServerSettings fromSystemProperties(int smtpPort) {
        List<Path> jars = new ArrayList<>();
        jars.add(existing("vigi.provider.jar"));
        String testSupport = System.getProperty("vigi.testsupport.jar");
        if (testSupport != null && Files.isRegularFile(Path.of(testSupport))) {
            jars.add(Path.of(testSupport));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VIGI_SMTP_HOST", "127.0.0.1");
        env.put("VIGI_SMTP_PORT", Integer.toString(smtpPort));
        // The recovery-code offer after enrolment is off for the run: the enrolment tests end at the redirect right after
        // the code; it/recovery/** turn it on (VigiSettings) where they test it.
        env.put("VIGI_RECOVERY_CODES", "off");
        String distribution = System.getProperty("vigi.server.dir");
        return new ServerSettings(distribution == null ? null : Path.of(distribution), existing("vigi.realm.file"), jars,
                Integer.getInteger("vigi.http.port", 8180), Integer.getInteger("vigi.management.port", 9100), smtpPort, env);
    }

    /**
     * These settings without the test run's own parts: the product as it ships (the recovery-code offer on, no
     * test-support provider). The run command's server and the test of it (RunCommandIT) both start from here.
     */
    ServerSettings withProductDefaults() {
        Map<String, String> env = new LinkedHashMap<>(realmEnv);
        env.remove("VIGI_RECOVERY_CODES");
        List<Path> jars = providerJars.stream().filter(jar -> !isTestSupport(jar)).toList();
        return new ServerSettings(distribution, realmFile, jars, httpPort, managementPort, smtpPort, env);
    }

    /** Whether the test-support provider goes on the server: then tests may move its clock. */
    boolean withTestSupport() {
        return providerJars.stream().anyMatch(ServerSettings::isTestSupport);
    }

    private static boolean isTestSupport(Path jar) {
        return jar.getFileName().toString().contains("testsupport");
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("-D" + property + " must name an existing file (run through Maven: mvn verify); got " + value);
        }
        return Path.of(value);
    }
}
