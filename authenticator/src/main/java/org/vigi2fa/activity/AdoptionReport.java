package org.vigi2fa.activity;

import java.util.List;

/**
 * What an administrator reads about 2FA in a realm: how many users have it, how many are short of recovery codes or
 * keep trusted devices, and week by week (newest first, from the activity table) how many turned it on, off and asked
 * for the lost-phone link. Serialised as JSON by the admin endpoint.
 */
public record AdoptionReport(String realm, long users, long withTwoFactor, long withoutTwoFactor, long fewRecoveryCodes,
        long withTrustedDevices, List<Week> weeks) {

    /** Fewer recovery codes left than this is "few": the user should make new ones. */
    public static final int FEW_RECOVERY_CODES = 3;

    /** One week ({@code from} inclusive, {@code to} exclusive, epoch milliseconds) of the activity table. */
    public record Week(long from, long to, long enrolments, long turnOffs, long lostPhoneLinks, long lostPhoneConfirmed) {
    }
}
