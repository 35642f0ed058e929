package org.vigi2fa.notify;

/** Masks an email address for display ("check your mailbox") so the page never reveals it in full. */
public final class EmailMask {

    private EmailMask() {
    }

    /** "alice@example.com" becomes "a***@e***.com"; anything unexpected becomes "***". */
    public static String mask(String email) {
        if (email == null) {
            return "***";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return "***";
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return local.charAt(0) + "***@" + host.charAt(0) + "***" + tld;
    }
}
