package org.vigi2fa.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The inbox page decodes what travelled as MIME and shows it as a person reads it. */
class MailInboxTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void showsDecodedHeadersAndPartsNewestFirst() throws Exception {
        MimeMessage older = received("Older mail", "older text", "<p>older</p>");
        MimeMessage newer = received("Zwei Faktoren – Grüße", "Öffnen: https://kc.test/login-actions/action-token?key=a&client_id=b",
                "<p>Öffnen: <a href=\"https://kc.test/login-actions/action-token?key=a&amp;client_id=b\">Link</a></p>");

        Document page = Jsoup.parse(MailInbox.page(new MimeMessage[] {older, newer}));

        Element first = page.selectFirst("article.mail");
        assertTrue(first.selectFirst(".subject").text().equals("Zwei Faktoren – Grüße"), first.selectFirst(".subject").text());
        assertTrue(first.selectFirst(".to").text().contains("user@example.test"));
        assertFalse(first.selectFirst(".time").text().isBlank(), "sent time shown");
        assertTrue(page.select("article.mail").get(1).selectFirst(".subject").text().equals("Older mail"), "newest first");

        Element text = first.selectFirst("pre.text-part");
        assertTrue(text.text().startsWith("Öffnen: https://kc.test/"), "text part decoded: " + text.text());
        assertTrue(text.selectFirst("a").attr("href").equals("https://kc.test/login-actions/action-token?key=a&client_id=b"),
                "link clickable: " + text.selectFirst("a"));

        Element frame = first.selectFirst("iframe.html-part");
        assertTrue(frame.attr("sandbox").equals(MailInbox.SANDBOX));
        assertFalse(frame.attr("sandbox").contains("allow-scripts") || frame.attr("sandbox").contains("allow-same-origin"));
        Document html = Jsoup.parse(frame.attr("srcdoc"));
        assertTrue(html.selectFirst("head > base[target=_top]") != null, "links open in the window: " + frame.attr("srcdoc"));
        assertTrue(html.selectFirst("a").attr("href").endsWith("key=a&client_id=b"), "HTML part decoded: " + html.body());
        assertFalse(page.outerHtml().contains("=?UTF-8?") || page.outerHtml().contains("quoted-printable"), "no raw MIME");
    }

    @Test
    void mailsOfSeveralMailboxesAreShownByTimeNotByMailbox() throws Exception {
        MimeMessage aliceFirst = received("first", "1", "<p>1</p>");
        aliceFirst.setSentDate(new java.util.Date(1_000_000_000_000L));
        MimeMessage bobSecond = received("second", "2", "<p>2</p>");
        bobSecond.setSentDate(new java.util.Date(1_000_000_060_000L));
        MimeMessage aliceThird = received("third", "3", "<p>3</p>");
        aliceThird.setSentDate(new java.util.Date(1_000_000_120_000L));

        // GreenMail's order: every mail of one mailbox, then the next mailbox
        Document page = Jsoup.parse(MailInbox.page(new MimeMessage[] {aliceFirst, aliceThird, bobSecond}));

        assertEquals(List.of("third", "second", "first"), page.select("article.mail .subject").eachText());
    }

    @Test
    void emptyInboxSaysSo() {
        assertTrue(Jsoup.parse(MailInbox.page(new MimeMessage[0])).selectFirst("#empty") != null);
    }

    /** A multipart/alternative mail as Keycloak sends it, written to bytes and parsed back (what GreenMail holds). */
    private static MimeMessage received(String subject, String text, String html) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress("no-reply@vigi.local", "VIGI"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("user@example.test"));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        textPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        htmlPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
        message.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);
        return new MimeMessage(SESSION, new ByteArrayInputStream(wire.toByteArray()));
    }
}
