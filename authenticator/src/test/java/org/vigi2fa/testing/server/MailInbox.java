package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;

/** A one-page web inbox over the GreenMail mail catcher, newest first, for people trying the product. */
final class MailInbox implements AutoCloseable {

    private final HttpServer server;

    private MailInbox(HttpServer server) {
        this.server = server;
    }

    static MailInbox start(GreenMail mail, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>"
                    + "<title>VIGI mail catcher</title><h1>Mail catcher</h1><p>Every mail Keycloak sent, newest first.</p>");
            MimeMessage[] messages = mail.getReceivedMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                try {
                    html.append("<hr><p><b>To:</b> ").append(escape(String.join(", ", GreenMailUtil.getAddressList(messages[i].getAllRecipients()))))
                            .append("<br><b>Subject:</b> ").append(escape(messages[i].getSubject())).append("</p><pre style='white-space:pre-wrap'>")
                            .append(linkify(escape(GreenMailUtil.getBody(messages[i])))).append("</pre>");
                } catch (Exception e) {
                    html.append("<p>(unreadable message)</p>");
                }
            }
            byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new MailInbox(server);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String linkify(String text) {
        return text.replaceAll("(https?://[^\\s\"'&]+(?:&amp;[^\\s\"'&]+)*)", "<a href=\"$1\">$1</a>");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
