package org.vigi2fa.testing.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * A browser that gives up on a request once it is sent (a tab closed, a connection lost, the first of a double-click):
 * the whole POST goes out on a raw socket with the browser's cookies, then the socket is reset after a few milliseconds
 * without reading a byte of the answer. Reset at once, the server has not read the form yet and does nothing; a browser
 * gives up while the server is at work, which the caller's delay aims at.
 */
public final class DroppedPost {

    private DroppedPost() {
    }

    /** Sends the form (its hidden inputs plus the fields) from this browser and resets the connection after the delay. */
    public static void submit(WebSession browser, Element form, Map<String, String> fields, long delayMillis) {
        Map<String, String> body = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden][name]")) {
            body.put(input.attr("name"), input.attr("value"));
        }
        body.putAll(fields);
        send(URI.create(form.absUrl("action")), browser.cookies(), WebSession.encode(body), delayMillis);
    }

    private static void send(URI url, Map<String, String> cookies, String formBody, long delayMillis) {
        byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder().append("POST ").append(url.getRawPath())
                .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getRawAuthority()).append("\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Accept-Language: en\r\n");
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            Thread.sleep(delayMillis);
            // no read: the answer is abandoned, and closing sends the server a reset of the connection
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
