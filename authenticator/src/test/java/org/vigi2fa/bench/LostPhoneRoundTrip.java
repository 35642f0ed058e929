package org.vigi2fa.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.nodes.Document;
import org.vigi2fa.bench.BenchUsers.BenchUser;
import org.vigi2fa.testing.mail.Inbox;
import org.vigi2fa.testing.mail.Mail;

/**
 * One lost-phone round trip on the code page: "Can't use your authenticator app?" → "check your mailbox" →
 * the mail arrives → the link → confirm → done. Times each leg.
 */
final class LostPhoneRoundTrip {

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
        Inbox inbox = new Inbox(mail);
        int before = inbox.to(user.email()).size();
        long t0 = System.nanoTime();
        BenchSession.Response sent = Journeys.submit(session, code, "vigi-lost-phone-form", "vigi-lost-phone", Map.of());
        Journeys.parse(sent, "login-vigi-2fa-lost-sent");
        long t1 = System.nanoTime();
        String link = awaitLink(inbox, user.email(), before, baseUrl);
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

    private static String awaitLink(Inbox inbox, String email, int before, String baseUrl) throws Exception {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            List<Mail> mails = inbox.to(email);
            for (Mail mail : mails.subList(Math.min(before, mails.size()), mails.size())) {
                Optional<String> url = mail.actionLink().filter(link -> link.startsWith(baseUrl) && link.contains("/realms/"));
                if (url.isPresent()) {
                    return url.get();
                }
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("no mail with a link to " + email + " within " + MAIL_WAIT_MS + " ms");
    }
}
