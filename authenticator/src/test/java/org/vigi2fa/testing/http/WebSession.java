package org.vigi2fa.testing.http;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript: keeps cookies itself (the JDK's cookie handler drops Secure cookies over
 * plain http), follows redirects while they stay on the server, and parses pages with jsoup.
 */
public final class WebSession {

    private static final int MAX_REDIRECTS = 20;

    // HTTP/1.1 as a browser speaks it over plain http (no h2c upgrade); also lets a test forge the Host header
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final CookieJar cookies = new CookieJar();
    private final String serverBase;
    private String acceptLanguage = "en";
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    /** The node requests for {@link #serverBase} go to (a load balancer's choice), or null: straight to serverBase. */
    private volatile String node;

    public WebSession(String serverBase) {
        this.serverBase = serverBase;
    }

    /**
     * Sends every later request for the public URL to this node instead (e.g. http://127.0.0.1:8782), with the public
     * URL's Host header, the way a load balancer without sticky sessions forwards it. Cookies stay; null: no routing.
     */
    public WebSession via(String nodeBase) {
        this.node = nodeBase;
        return this;
    }

    public WebSession language(String languageTag) {
        this.acceptLanguage = languageTag;
        return this;
    }

    /** Sends this header with every request (e.g. a forged Host; the JVM must allow restricted headers). */
    public WebSession header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Map<String, String> cookies() {
        return cookies.asMap();
    }

    /**
     * Another tab of this browser: same server, language, headers and node, and a copy of the cookies as they are now,
     * so two tabs can send at once (one jar is not safe across threads).
     */
    public WebSession tab() {
        WebSession tab = new WebSession(serverBase).language(acceptLanguage).via(node);
        tab.extraHeaders.putAll(extraHeaders);
        tab.cookies().putAll(cookies());
        return tab;
    }

    /** The server this browser talks to (its public base URL). */
    public String serverBase() {
        return serverBase;
    }

    /** GET, following redirects on the server; stops at the first redirect that leaves it. */
    public Page get(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** POSTs the form (its hidden inputs plus the given fields) to its action and follows redirects. */
    public Page submit(Element form, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if ("hidden".equalsIgnoreCase(type)) {
                body.put(input.attr("name"), input.attr("value"));
            }
        }
        body.putAll(fields);
        return post(form.absUrl("action").isEmpty() ? form.attr("action") : form.absUrl("action"), body);
    }

    /** POSTs exactly these fields, form-encoded. */
    public Page post(String url, Map<String, String> fields) {
        return postRaw(url, encode(fields));
    }

    /** POSTs a raw form body (for malformed-input tests). */
    public Page postRaw(String url, String formBody) {
        return follow(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody))));
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The fields of a form-encoded string (a query or fragment), decoded; the inverse of {@link #encode(Map)}. */
    public static Map<String, String> decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return fields;
    }

    /** The query parameters of a URL (any scheme, e.g. otpauth://), decoded. */
    public static Map<String, String> query(String url) {
        return decode(URI.create(url).getRawQuery());
    }

    private Page follow(HttpResponse<String> response) {
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return new Page(response.statusCode(), response.uri().toString(), response.body(), null);
            }
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            if (!next.toString().startsWith(serverBase) && (node == null || !next.toString().startsWith(node))) {
                return new Page(status, response.uri().toString(), response.body(), next.toString());
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        throw new IllegalStateException("Too many redirects");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(60)).header("Accept-Language", acceptLanguage);
        route(builder);
        extraHeaders.forEach(builder::header);
        return cookies.send(client, builder);
    }

    /** Points a request for the public URL at the chosen node, keeping the public Host (unless a test sets its own). */
    private void route(HttpRequest.Builder builder) {
        String target = node;
        if (target == null) {
            return;
        }
        URI uri = builder.copy().build().uri();
        if (uri.toString().startsWith(serverBase)) {
            builder.uri(URI.create(target + uri.toString().substring(serverBase.length())));
            if (extraHeaders.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
                builder.header("Host", URI.create(serverBase).getRawAuthority());
            }
        }
    }

    /** Parses Jsoup documents with the right base URL. */
    static org.jsoup.nodes.Document parse(String body, String url) {
        return Jsoup.parse(body == null ? "" : body, url);
    }
}
