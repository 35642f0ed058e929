package org.vigi2fa.testing.server;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.Testcontainers;
import org.testcontainers.utility.MountableFile;

/** The same Keycloak release (-Dkeycloak.version) in a container (testcontainers-keycloak), for machines that run Docker. */
final class ContainerServer implements KeycloakUnderTest {

    private final KeycloakContainer container;
    private final boolean settingsHadTestSupport;

    private ContainerServer(KeycloakContainer container, boolean testSupport) {
        this.container = container;
        this.settingsHadTestSupport = testSupport;
    }

    static ContainerServer start(ServerSettings settings) {
        // The container reaches the test JVM's SMTP server through the host gateway.
        Testcontainers.exposeHostPorts(settings.smtpPort());
        KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + KeycloakUnderTest.expectedVersion()
                        .orElseThrow(() -> new IllegalStateException("-Dvigi.keycloak.version missing (run through Maven: mvn verify)")))
                .withAdminUsername(ServerSettings.ADMIN_USER)
                .withAdminPassword(ServerSettings.ADMIN_PASSWORD)
                .withProviderLibsFrom(settings.providerJars().stream().map(java.nio.file.Path::toFile).toList())
                .withCopyFileToContainer(MountableFile.forHostPath(settings.realmFile()), "/opt/keycloak/data/import/vigi-realm.json")
                .withCustomCommand("--import-realm")
                .withEnv("VIGI_SMTP_HOST", "host.testcontainers.internal")
                .withEnv("VIGI_SMTP_PORT", Integer.toString(settings.smtpPort()))
                // as on the other servers (ServerSettings): no recovery-code offer unless a test turns it on
                .withEnv("VIGI_RECOVERY_CODES", settings.realmEnv().get("VIGI_RECOVERY_CODES"));
        container.start();
        return new ContainerServer(container, settings.providerJars().size() > 1);
    }

    @Override
    public String baseUrl() {
        String url = container.getAuthServerUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public boolean hasTestClock() {
        return settingsHadTestSupport;
    }

    @Override
    public void close() {
        container.stop();
    }
}
