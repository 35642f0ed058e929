package org.vigi2fa.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses the run command prints, and its own smoke check that each answers (after redirects) before a person
 * is sent there. Public for the test that starts the run's server as it ships (RunCommandIT).
 */
public final class DemoLinks {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private DemoLinks() {
    }

    /** What the run prints, label to address, for a server at {@code base}. */
    public static Map<String, String> server(String base) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("Account settings:", base + "/realms/vigi/account");
        links.put("Turn 2FA on (Signing in):", base + "/realms/vigi/account/account-security/signing-in");
        links.put("Admin console (admin / admin):", base + "/admin/");
        return links;
    }

    /** Whether a GET of the address ends in a 2xx page. */
    static boolean answers(String url) {
        return landing(url).isPresent();
    }

    /** Where a GET of the address ends, after redirects, when that is a 2xx page. */
    public static Optional<URI> landing(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.of(response.uri()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
