package org.vigi2fa.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigi2fa.testing.http.CookieJar;
import org.vigi2fa.testing.http.WebSession;

/**
 * A lean browser for load: its own cookie jar (the JDK's handler drops Secure cookies over plain http), redirects
 * followed only while they stay on the server, and forms found with a regular expression instead of a DOM parser
 * so the driver spends little of the CPU it shares with the server.
 */
final class BenchSession {

    private static final int MAX_REDIRECTS = 10;
    private static final Pattern FORM_TAG = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern PAGE_ID = Pattern.compile("data-page-id=\"([^\"]*)\"");

    /** What a request ended with: a page on the server, or a redirect that leaves it. */
    record Response(int status, String body, String leavingRedirect) {

        boolean leftServer() {
            return leavingRedirect != null;
        }

        String pageId() {
            Matcher m = PAGE_ID.matcher(body == null ? "" : body);
            return m.find() ? m.group(1) : "";
        }

        /** The action URL of the form with this id, or null. */
        String formAction(String formId) {
            Matcher tags = FORM_TAG.matcher(body == null ? "" : body);
            while (tags.find()) {
                String tag = tags.group();
                if (tag.contains("id=\"" + formId + "\"")) {
                    Matcher action = ACTION.matcher(tag);
                    return action.find() ? action.group(1).replace("&amp;", "&") : null;
                }
            }
            return null;
        }

        /** The value attribute of the input with this id, or null. */
        String inputValue(String id) {
            Matcher m = Pattern.compile("<input\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(body == null ? "" : body);
            if (!m.find()) {
                return null;
            }
            Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(m.group());
            return value.find() ? value.group(1) : null;
        }
    }

    /** Receives, per top-level request, its place in the journey, where it ended, its latency and server CPU. */
    interface StepSink {
        void step(int index, String method, String endedOn, double millis, double serverCpuMs);
    }

    private final HttpClient client;
    private final String serverBase;
    private final CookieJar cookies = new CookieJar();
    private ProcessHandle profiledServer;
    private StepSink sink;
    private int stepIndex;

    BenchSession(HttpClient client, String serverBase) {
        this.client = client;
        this.serverBase = serverBase;
    }

    /** A browser-like client: HTTP/1.1 keep-alive, no automatic redirects. */
    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Forgets every cookie: the next request starts a new browser session. */
    void reset() {
        cookies.asMap().clear();
        stepIndex = 0;
    }

    /** Records every request's latency and the server's CPU time around it (only for one request at a time). */
    void profile(ProcessHandle server, StepSink sink) {
        this.profiledServer = server;
        this.sink = sink;
    }

    Map<String, String> cookies() {
        return cookies.asMap();
    }

    Response get(String url) {
        return measured("GET", () -> follow(send(HttpRequest.newBuilder(URI.create(url)).GET())));
    }

    Response post(String url, Map<String, String> fields) {
        String body = WebSession.encode(fields);
        return measured("POST", () -> follow(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)))));
    }

    private Response measured(String method, java.util.function.Supplier<Response> request) {
        if (sink == null) {
            return request.get();
        }
        double cpu = CpuClock.processCpuMs(profiledServer);
        long t = System.nanoTime();
        Response response = request.get();
        double millis = (System.nanoTime() - t) / 1e6;
        String endedOn = response.leftServer() ? "redirect to the client" : response.pageId();
        sink.step(++stepIndex, method, endedOn, millis, CpuClock.processCpuMs(profiledServer) - cpu);
        return response;
    }

    private Response follow(HttpResponse<String> response) {
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return new Response(status, response.body(), null);
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(serverBase)) {
                return new Response(status, response.body(), next.toString());
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        throw new IllegalStateException("Too many redirects");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(60)).header("Accept-Language", "en");
        return cookies.send(client, builder);
    }
}
