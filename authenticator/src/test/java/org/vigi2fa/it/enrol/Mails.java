package org.vigi2fa.it.enrol;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.vigi2fa.testing.VigiEnvironment;

/** The mails GreenMail received for one address, read as subject plus text and html parts. */
final class Mails {

    private Mails() {
    }

    /** A received mail: subject and its parts by content type ("text/plain", "text/html"). */
    record Mail(String subject, Map<String, String> parts) {
        String text() {
            return parts.getOrDefault("text/plain", "");
        }

        String html() {
            return parts.getOrDefault("text/html", "");
        }
    }

    static List<Mail> to(VigiEnvironment env, String address) {
        return Arrays.stream(env.mail().getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .map(Mails::read)
                .toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            Map<String, String> parts = new LinkedHashMap<>();
            collect(message, parts);
            return new Mail(message.getSubject(), parts);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        } else if (content instanceof String text) {
            String type = part.getContentType().toLowerCase().split(";")[0].trim();
            parts.put(type, text);
        }
    }
}
