package org.vigi2fa.lostphone;

/** Message keys, page and mail attributes, single-use-store prefixes and event details of the lost-phone link. */
public final class LostPhoneIds {

    static final String TPL_LOST_SENT = "vigi-2fa-lost-sent.ftl";
    static final String TPL_LOST_CONFIRM = "vigi-2fa-lost-confirm.ftl";
    static final String TPL_LOST_DONE = "vigi-2fa-lost-done.ftl";
    static final String TPL_MAIL_LOST_LINK = "vigi-2fa-lost-link.ftl";

    // Asking for the link (code page)
    public static final String MSG_UNAVAILABLE = "vigi2faLostPhoneUnavailable";
    static final String MSG_WAIT = "vigi2faLostPhoneWait";
    static final String MSG_MAIL_FAILED = "vigi2faLostPhoneMailFailed";
    static final String MSG_UNVERIFIED = "vigi2faLostPhoneUnverified";
    static final String MSG_PAUSED = "vigi2faLostPhonePaused";
    /** The server has no fixed public address: a link would point wherever the request's Host header said. */
    static final String MSG_NO_ADDRESS = "vigi2faLostPhoneNoAddress";

    // Opening the link
    static final String MSG_STALE = "vigi2faLinkStale";
    static final String MSG_USED = "vigi2faLinkUsed";
    /** Closed by "This wasn't me" (LostPhoneBlock): on the code page and on the link. */
    static final String MSG_BLOCKED = "vigi2faLostPhoneBlocked";

    // The mail
    static final String MSG_MAIL_SUBJECT = "vigi2faLostLinkSubject";
    static final String MAIL_LINK = "link";
    static final String MAIL_LINK_MINUTES = "linkMinutes";

    // Page attributes ("check your mailbox" and the confirm page)
    static final String ATTR_MASKED_EMAIL = "vigiMaskedEmail";
    static final String ATTR_LINK_MINUTES = "vigiLinkMinutes";
    /** "Check your mailbox": seconds before "Send the link again" may send another one (the request cooldown). */
    static final String ATTR_RESEND_SECONDS = "vigiResendSeconds";
    static final String ATTR_NEEDS_PASSWORD = "vigiNeedsPassword";

    /** User attribute: "epoch seconds:mail kind" of the "This wasn't me" report that closed the path (LostPhoneBlock). */
    public static final String USER_ATTR_BLOCKED = "vigi-2fa.lost-phone-blocked";

    /** Single-use-store key prefix of the per-user cooldown between two mails. */
    static final String COOLDOWN_KEY_PREFIX = "vigi-2fa-lost-cooldown.";
    /** Single-use-store key prefix of the confirm that consumed a link. */
    static final String CLAIM_KEY_PREFIX = "vigi-2fa-lost-confirm.";

    /** Event detail values (VigiIds.EVENT_DETAIL) of asking for the link and of confirming it. */
    static final String EVENT_REQUEST = "lost-phone-link";
    static final String EVENT_CONFIRM = "lost-phone-confirm";
    /** Event detail: why the link was refused although the user has 2FA and an address. */
    static final String DETAIL_REFUSED = "vigi_2fa_refused";
    static final String REFUSED_NO_ADDRESS = "no-public-address";
    static final String REFUSED_UNVERIFIED = "email-not-verified";
    static final String REFUSED_PAUSED = "recent-account-change";
    /** Event detail value when the path is closed by "This wasn't me" (LostPhoneBlock). */
    static final String REFUSED_REPORTED = "reported-not-me";

    private LostPhoneIds() {
    }
}
