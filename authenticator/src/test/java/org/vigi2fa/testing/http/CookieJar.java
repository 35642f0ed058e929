package org.vigi2fa.testing.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.vigi2fa.testing.Blocking;

/**
 * Cookies kept by name for one server. The JDK's cookie handler drops Secure cookies over plain http, which
 * Keycloak sets even on a loopback dev server, so test browsers keep their own.
 */
public final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Takes the Set-Cookie headers of a response; an empty value or an expiry in the past deletes. */
    public void remember(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            String lower = header.toLowerCase();
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** The Cookie request header, or null when the jar is empty. */
    public String header() {
        return cookies.isEmpty() ? null
                : cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** The live name-to-value map (tests read and edit it). */
    public Map<String, String> asMap() {
        return cookies;
    }

    /** Sends the request with the jar's cookies (the last header it gets) and keeps the cookies the response sets. */
    public HttpResponse<String> send(HttpClient client, HttpRequest.Builder builder) {
        String cookieHeader = header();
        if (cookieHeader != null) {
            builder.header("Cookie", cookieHeader);
        }
        HttpResponse<String> response = Blocking.call(
                () -> client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        remember(response.headers().allValues("Set-Cookie"));
        return response;
    }
}
