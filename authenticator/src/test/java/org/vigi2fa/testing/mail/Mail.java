package org.vigi2fa.testing.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A received mail as a reader sees it: the subject, the first text/plain and text/html parts ("" when absent). */
public record Mail(String subject, String text, String html) {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");
    private static final Pattern KEY = Pattern.compile("[?&]key=([^&\\s]+)");
    /** Token type of the "This wasn't me" link (ReportIds.TOKEN_TYPE). */
    private static final String REPORT_TOKEN_TYPE = "vigi-2fa-not-me";

    /** Decodes a received message (transfer encodings, charsets, nested multiparts). */
    public static Mail of(MimeMessage message) {
        try {
            Mail parts = new Mail(message.getSubject(), "", "");
            return parts.with(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mail with(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            Mail found = this;
            for (int i = 0; i < multipart.getCount(); i++) {
                found = found.with(multipart.getBodyPart(i));
            }
            return found;
        }
        if (part.isMimeType("text/plain") && text.isEmpty() && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return new Mail(subject, part.getContent().toString(), html);
        }
        if (part.isMimeType("text/html") && html.isEmpty()) {
            return new Mail(subject, text, part.getContent().toString());
        }
        return this;
    }

    /**
     * The first action-token link (reset, e-mail confirmation, lost phone) in the text part; the "This wasn't me"
     * link every security mail ends with is not one of them ({@link #reportLink}).
     */
    public Optional<String> actionLink() {
        return links().filter(link -> !isReportLink(link)).findFirst();
    }

    /** The "This wasn't me" link of the text part (token type vigi-2fa-not-me). */
    public Optional<String> reportLink() {
        return links().filter(Mail::isReportLink).findFirst();
    }

    private Stream<String> links() {
        return ACTION_LINK.matcher(text).results().map(MatchResult::group);
    }

    private static boolean isReportLink(String link) {
        Matcher key = KEY.matcher(link);
        if (!key.find() || key.group(1).split("\\.").length < 2) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(key.group(1).split("\\.")[1]),
                    StandardCharsets.UTF_8);
            return payload.contains("\"typ\":\"" + REPORT_TOKEN_TYPE + "\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
