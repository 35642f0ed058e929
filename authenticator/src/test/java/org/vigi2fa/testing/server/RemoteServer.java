package org.vigi2fa.testing.server;

/**
 * A Keycloak someone else started, e.g. `docker compose up` with VIGI_SMTP_HOST pointing at the test JVM
 * (host.docker.internal) and VIGI_SMTP_PORT at -Dvigi.smtp.port. Admin user admin/admin.
 */
final class RemoteServer implements KeycloakUnderTest {

    private final String baseUrl;

    RemoteServer(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public boolean hasTestClock() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
