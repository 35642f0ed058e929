package org.vigi2fa.notify;

import java.net.URI;

import org.keycloak.models.KeycloakSession;
import org.keycloak.urls.HostnameProvider;
import org.keycloak.urls.UrlType;

/**
 * Whether mailed links have a fixed address to start from: the server's hostname or the realm's Frontend URL. Without
 * either, Keycloak builds URLs from each request's Host (or X-Forwarded-Host) header, so whoever asks for a link would
 * choose where the victim's click goes. Keycloak's own hostname rules are asked with a request for a host that cannot
 * exist; when the answer names that host, the address follows requests.
 */
public final class PublicAddress {

    private static final URI PROBE = URI.create("http://vigi-host-probe.invalid/");

    private PublicAddress() {
    }

    /** True when links built now would follow the request's host (no hostname and no Frontend URL for the realm). */
    public static boolean followsRequests(KeycloakSession session) {
        HostnameProvider hostnames = session.getProvider(HostnameProvider.class);
        return hostnames == null
                || PROBE.getHost().equals(hostnames.getHostname(DetachedRequest.addresses(PROBE, PROBE), UrlType.FRONTEND));
    }
}
