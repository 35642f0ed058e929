package org.vigi2fa.notify;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;

/**
 * The request a security mail was caused by, as far as a mail needs it once that request has ended: its addresses
 * (Keycloak's hostname rules and the {@code url} mail attribute work from them), no headers, no form. A session on an
 * executor thread has no HTTP request of its own; Keycloak's brute-force protector gives its worker one the same way.
 */
final class DetachedRequest implements HttpRequest {

    private final Addresses uri;

    DetachedRequest(URI baseUri, URI requestUri) {
        this.uri = new Addresses(baseUri, requestUri);
    }

    /** A fixed base and request address, matched against nothing. */
    static UriInfo addresses(URI baseUri, URI requestUri) {
        return new Addresses(baseUri, requestUri);
    }

    /** The raw (pre-hostname-rules) addresses of the live request, or null when there is none. */
    static URI[] addressesOf(HttpRequest request) {
        UriInfo live = request == null ? null : request.getUri();
        return live == null ? null : new URI[] {live.getBaseUri(), live.getRequestUri()};
    }

    @Override
    public String getHttpMethod() {
        return "POST";
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return new MultivaluedHashMap<>();
    }

    /** None: the locale was resolved in the request and travels with the mail. */
    @Override
    public HttpHeaders getHttpHeaders() {
        return null;
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return null;
    }

    @Override
    public UriInfo getUri() {
        return uri;
    }

    @Override
    public boolean isProxyTrusted() {
        return false;
    }

    /** A fixed base and request address; nothing was matched against resources. */
    private static final class Addresses implements UriInfo {
        private final URI base;
        private final URI request;

        Addresses(URI base, URI request) {
            this.base = base;
            this.request = request;
        }

        @Override public String getPath() { return getPath(true); }
        @Override public String getPath(boolean decode) { return base.relativize(request).getPath(); }
        @Override public List<PathSegment> getPathSegments() { return List.of(); }
        @Override public List<PathSegment> getPathSegments(boolean decode) { return List.of(); }
        @Override public URI getRequestUri() { return request; }
        @Override public UriBuilder getRequestUriBuilder() { return UriBuilder.fromUri(request); }
        @Override public URI getAbsolutePath() { return UriBuilder.fromUri(request).replaceQuery(null).build(); }
        @Override public UriBuilder getAbsolutePathBuilder() { return UriBuilder.fromUri(getAbsolutePath()); }
        @Override public URI getBaseUri() { return base; }
        @Override public UriBuilder getBaseUriBuilder() { return UriBuilder.fromUri(base); }
        @Override public MultivaluedMap<String, String> getPathParameters() { return new MultivaluedHashMap<>(); }
        @Override public MultivaluedMap<String, String> getPathParameters(boolean decode) { return new MultivaluedHashMap<>(); }
        @Override public MultivaluedMap<String, String> getQueryParameters() { return new MultivaluedHashMap<>(); }
        @Override public MultivaluedMap<String, String> getQueryParameters(boolean decode) { return new MultivaluedHashMap<>(); }
        @Override public List<String> getMatchedURIs() { return List.of(); }
        @Override public List<String> getMatchedURIs(boolean decode) { return List.of(); }
        @Override public List<Object> getMatchedResources() { return List.of(); }
        @Override public URI resolve(URI uri) { return base.resolve(uri); }
        @Override public URI relativize(URI uri) { return request.relativize(uri); }
    }
}
