package org.vigi2fa.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.vigi2fa.testing.mail.Mail;

/**
 * A one-page web inbox over the GreenMail mail catcher for people trying the product: every mail newest first, as a
 * mail program shows it (subject, to, from, time, the HTML part rendered in a sandboxed frame whose links open in the
 * window, the text part beside it). Jakarta Mail decodes the MIME (transfer encodings, charsets, encoded subjects).
 */
public final class MailInbox implements AutoCloseable {

    /** No scripts, no same-origin access; a click on a link may open it in the window (or a new tab, unsandboxed). */
    static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

    private static final String STYLE = "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:12px;"
            + "color:#1b1f24}h1{font-size:22px;margin:4px 0}article{border:1px solid #d0d7de;border-radius:8px;margin:16px 0;"
            + "padding:12px}article h2{font-size:18px;margin:0 0 6px}dl{display:grid;grid-template-columns:max-content 1fr;"
            + "gap:2px 10px;margin:0 0 10px;font-size:14px}dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}"
            + ".parts{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:12px}"
            + "@media (max-width:800px){.parts{grid-template-columns:minmax(0,1fr)}}"
            + "iframe{width:100%;height:520px;border:1px solid #d0d7de;border-radius:6px;background:#fff}"
            + "pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:8px;background:#f6f8fa;border-radius:6px;"
            + "font-size:13px}h3{font-size:13px;color:#57606a;margin:0 0 4px;font-weight:600}";

    private final HttpServer server;

    private MailInbox(HttpServer server) {
        this.server = server;
    }

    /** Serves the inbox on 127.0.0.1 at this port (0: any free port, see {@link #url()}). */
    public static MailInbox start(GreenMail mail, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] body = page(mail.getReceivedMessages()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new MailInbox(server);
    }

    /** e.g. http://localhost:8025/ */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    static String page(MimeMessage[] messages) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=en><meta charset=utf-8>"
                + "<meta name=viewport content='width=device-width,initial-scale=1'><title>VIGI mail catcher</title>"
                + "<style>" + STYLE + "</style><h1>Mail catcher</h1><p>Every mail Keycloak sent, newest first. "
                + "<a href='/'>Reload</a></p>");
        if (messages.length == 0) {
            html.append("<p id=empty>No mail yet.</p>");
        }
        // GreenMail lists mails by mailbox; a person reads them by time
        Comparator<Integer> byTime = Comparator.comparingLong(i -> sentAt(messages[i]));
        IntStream.range(0, messages.length).boxed().sorted(byTime.thenComparing(i -> i).reversed())
                .forEach(i -> html.append(article(messages[i], i)));
        return html.append("</html>").toString();
    }

    private static String article(MimeMessage message, int index) {
        try {
            Mail parts = Mail.of(message);
            StringBuilder html = new StringBuilder("<article class=mail id=mail-").append(index).append('>')
                    .append("<h2 class=subject>").append(escape(message.getSubject())).append("</h2><dl>")
                    .append("<dt>To</dt><dd class=to>").append(escape(addresses(message.getRecipients(Message.RecipientType.TO)))).append("</dd>")
                    .append("<dt>From</dt><dd class=from>").append(escape(addresses(message.getFrom()))).append("</dd>")
                    .append("<dt>Time</dt><dd class=time>").append(escape(time(message))).append("</dd></dl><div class=parts>");
            if (!parts.html().isEmpty()) {
                html.append("<section><h3>HTML</h3><iframe class=html-part title='").append(escape(message.getSubject()))
                        .append("' sandbox='").append(SANDBOX).append("' referrerpolicy=no-referrer srcdoc=\"")
                        .append(escape(linksOpenInTheWindow(parts.html()))).append("\"></iframe></section>");
            }
            if (!parts.text().isEmpty()) {
                html.append("<section><h3>Text</h3><pre class=text-part>").append(linkify(escape(parts.text()))).append("</pre></section>");
            }
            return html.append("</div></article>").toString();
        } catch (MessagingException | IllegalStateException e) {
            return "<article class=mail id=mail-" + index + "><p>(unreadable message: " + escape(e.getMessage()) + ")</p></article>";
        }
    }

    /** Links in the mail open in the inbox's window (the sandbox allows that on a click), not inside the frame. */
    private static String linksOpenInTheWindow(String html) {
        Document document = Jsoup.parse(html);
        document.head().prependElement("base").attr("target", "_top");
        return document.outerHtml();
    }

    private static String addresses(Address[] addresses) {
        List<String> shown = new ArrayList<>();
        for (Address address : addresses == null ? new Address[0] : addresses) {
            shown.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
        }
        return String.join(", ", shown);
    }

    private static long sentAt(MimeMessage message) {
        try {
            Date date = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
            return date == null ? 0 : date.getTime();
        } catch (MessagingException e) {
            return 0;
        }
    }

    private static String time(MimeMessage message) throws MessagingException {
        Date date = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
        if (date == null) {
            return "";
        }
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
        format.setTimeZone(TimeZone.getDefault());
        return format.format(date);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String linkify(String escaped) {
        return escaped.replaceAll("(https?://[^\\s\"'&<]+(?:&amp;[^\\s\"'&<]+)*)", "<a href=\"$1\">$1</a>");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
