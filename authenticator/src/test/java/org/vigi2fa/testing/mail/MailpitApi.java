package org.vigi2fa.testing.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.vigi2fa.testing.Blocking;

/**
 * The mails a mail catcher in a container holds, read through Mailpit's HTTP API (v1): real Mailpit, or the catcher
 * .ci/containers/mail builds where Mailpit cannot be pulled. Each mail is fetched raw and decoded as {@link Inbox}
 * decodes GreenMail's, so the checks are the same whichever catcher received it.
 */
public final class MailpitApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    /** e.g. http://localhost:8025 */
    public MailpitApi(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Every mail to the address, oldest first. */
    public List<Mail> to(String address) {
        String query = URLEncoder.encode("to:\"" + address + "\"", StandardCharsets.UTF_8);
        List<Mail> mails = new ArrayList<>();
        try {
            for (JsonNode summary : JSON.readTree(get("/api/v1/search?query=" + query)).get("messages")) {
                mails.add(0, raw(summary.get("ID").asText())); // the API lists newest first
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mails;
    }

    private Mail raw(String id) {
        try {
            return Mail.of(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(get("/api/v1/message/" + id + "/raw"))));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] get(String path) {
        HttpResponse<byte[]> response = Blocking.call(() -> http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }
}
