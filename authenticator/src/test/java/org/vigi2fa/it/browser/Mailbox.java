package org.vigi2fa.it.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.vigi2fa.testing.VigiEnvironment;

/** What GreenMail received for one address: subjects and the links into Keycloak the mails carry. */
final class Mailbox {

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

    private final VigiEnvironment env;
    private final String address;

    Mailbox(VigiEnvironment env, String address) {
        this.env = env;
        this.address = address;
    }

    List<MimeMessage> messages() {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : env.mail().getReceivedMessages()) {
            try {
                for (var to : message.getRecipients(Message.RecipientType.TO)) {
                    if (to.toString().contains(address)) {
                        mine.add(message);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return mine;
    }

    List<String> subjects() {
        return messages().stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The newest mail carrying a link into this Keycloak's login actions (e.g. an action token). */
    Optional<MimeMessage> newestWithLoginActionLink() {
        List<MimeMessage> mine = messages();
        for (int i = mine.size() - 1; i >= 0; i--) {
            if (loginActionLink(mine.get(i)).isPresent()) {
                return Optional.of(mine.get(i));
            }
        }
        return Optional.empty();
    }

    /** The first link into this Keycloak's login actions in the mail's plain-text part. */
    Optional<String> loginActionLink(MimeMessage message) {
        Matcher matcher = URL.matcher(part(message, "text/plain"));
        while (matcher.find()) {
            String url = matcher.group();
            if (url.startsWith(env.baseUrl()) && url.contains("/login-actions/")) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    /** The mail's HTML part, as a mail client would show it. */
    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(part(multipart.getBodyPart(i), mimeType)).append('\n');
                }
                return text.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
