package org.vigi2fa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.vigi2fa.bench.BenchUsers.BenchUser;

/**
 * One lost-phone round trip on the code page: "Can't use your authenticator app?" → "check your mailbox" →
 * the mail arrives → the link → confirm → done. Times each leg.
 */
final class LostPhoneRoundTrip {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final long MAIL_WAIT_MS = 20_000;

    /** Milliseconds of each leg and of the whole round trip. */
    record Timing(double request, double mail, double confirm, double total) {
    }

    private LostPhoneRoundTrip() {
    }

    static Timing run(BenchSession session, String baseUrl, String realm, BenchUser user, GreenMail mail) throws Exception {
        session.reset();
        BenchSession.Response login = session.get(Journeys.authUrl(baseUrl, realm, null));
        String action = login.formAction("kc-form-login");
        BenchSession.Response codePage = session.post(action,
                Map.of("username", user.username(), "password", BenchUsers.PASSWORD, "credentialId", ""));
        Document code = Journeys.parse(codePage, "login-vigi-2fa-code");
        int before = messagesTo(mail, user.email()).size();
        long t0 = System.nanoTime();
        BenchSession.Response sent = Journeys.submit(session, code, "vigi-lost-phone-form", "vigi-lost-phone", Map.of());
        Journeys.parse(sent, "login-vigi-2fa-lost-sent");
        long t1 = System.nanoTime();
        String link = awaitLink(mail, user.email(), before, baseUrl);
        long t2 = System.nanoTime();
        Document confirm = Journeys.parse(session.get(link), "login-vigi-2fa-lost-confirm");
        Map<String, String> fields = confirm.getElementById("password") != null
                ? Map.of("password", BenchUsers.PASSWORD) : Map.of();
        BenchSession.Response done = Journeys.submit(session, confirm, "vigi-lost-confirm-form", "vigi-disable-confirm", fields);
        if (!done.leftServer()) {
            Journeys.parse(done, "login-vigi-2fa-lost-done");
        }
        long t3 = System.nanoTime();
        return new Timing((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6);
    }

    private static String awaitLink(GreenMail mail, String email, int before, String baseUrl) throws Exception {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> messages = messagesTo(mail, email);
            for (MimeMessage message : messages.subList(Math.min(before, messages.size()), messages.size())) {
                Matcher m = LINK.matcher(text(message));
                while (m.find()) {
                    String url = m.group().replace("&amp;", "&");
                    if (url.startsWith(baseUrl) && url.contains("/realms/")) {
                        return url;
                    }
                }
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("no mail with a link to " + email + " within " + MAIL_WAIT_MS + " ms");
    }

    private static List<MimeMessage> messagesTo(GreenMail mail, String email) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to != null && to.length > 0 && to[0].toString().contains(email)) {
                out.add(message);
            }
        }
        return out;
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return out.toString();
        }
        return "";
    }
}
