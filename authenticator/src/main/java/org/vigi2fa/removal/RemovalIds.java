package org.vigi2fa.removal;

/** Event details of the help desk's reset (an administrator removed the authenticator). */
public final class RemovalIds {

    /** {@code vigi_2fa} detail of the user's REMOVE_CREDENTIAL event when an administrator removed the authenticator. */
    public static final String EVENT_BY_ADMIN = "removed-by-admin";
    /** Event detail: the id of the administrator (the admin event's auth user) who removed it. */
    public static final String DETAIL_ADMIN = "vigi_2fa_admin";

    private RemovalIds() {
    }
}
