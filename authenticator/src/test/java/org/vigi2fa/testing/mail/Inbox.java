package org.vigi2fa.testing.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The one reader of what GreenMail received: the mails to an address, their text and HTML parts, their action-token
 * links. Security mails leave the server after the request that caused them; every read first waits for the server's
 * mail queue to empty ({@code settle}), so "exactly one mail" and "no mail" hold once the mails are out.
 */
public final class Inbox {

    private final GreenMail mail;
    private final Runnable settle;

    public Inbox(GreenMail mail) {
        this(mail, () -> { });
    }

    /** An inbox whose reads first run {@code settle}: it returns once the server has sent what it queued. */
    public Inbox(GreenMail mail, Runnable settle) {
        this.mail = mail;
        this.settle = settle;
    }

    /** Every mail to the address, oldest first. */
    public List<Mail> to(String address) {
        settle.run();
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> addressedTo(message, address)).map(Mail::of).toList();
    }

    /** The mails to the address whose subject contains the text, oldest first. */
    public List<Mail> to(String address, String subjectPart) {
        return to(address).stream().filter(m -> m.subject() != null && m.subject().contains(subjectPart)).toList();
    }

    /** The action-token link of every mail to the address that carries one, oldest first. */
    public List<String> actionLinks(String address) {
        return to(address).stream().map(Mail::actionLink).flatMap(Optional::stream).toList();
    }

    /** The newest mail to the address that carries an action-token link. */
    public Optional<Mail> latestWithActionLink(String address) {
        List<Mail> mails = to(address).stream().filter(m -> m.actionLink().isPresent()).toList();
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
    }

    /** The action-token link of the newest mail to the address that carries one. */
    public String latestActionLink(String address) {
        return latestWithActionLink(address).flatMap(Mail::actionLink)
                .orElseThrow(() -> new AssertionError("No action-token link mailed to " + address));
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
