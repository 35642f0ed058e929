package org.vigi2fa.testing;

import java.time.Instant;
import java.util.Set;
import java.util.stream.IntStream;

import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.HmacOTP;

/**
 * Codes for chosen instants, computed with Keycloak's own HMAC-OTP code; tests never wait for a period.
 * The realm policy: HmacSHA1, 6 digits, 30 s periods.
 */
public final class Totp {

    public static final int PERIOD = 30;

    private final byte[] key;

    private Totp(byte[] key) {
        this.key = key;
    }

    /** From the key bytes (what Keycloak stores, UTF-8 of the raw secret). */
    public static Totp ofKey(byte[] key) {
        return new Totp(key.clone());
    }

    /** From the Base32 text an authenticator app is given (spaces allowed). */
    public static Totp ofBase32(String base32) {
        return new Totp(Base32.decode(base32.replace(" ", "").toUpperCase()));
    }

    /** The code of the period that contains this instant. */
    public String at(Instant instant) {
        return forPeriod(Math.floorDiv(instant.getEpochSecond(), PERIOD));
    }

    /** The code of the current period moved by {@code periods} (e.g. -1: the previous period). */
    public String now(int periods) {
        return forPeriod(Math.floorDiv(Instant.now().getEpochSecond(), PERIOD) + periods);
    }

    public String now() {
        return now(0);
    }

    /**
     * A well-formed 6-digit code that no period the server accepts now (look-around 1) accepts, nor the next
     * sign-in's: still wrong when the period turns between making it and sending it.
     */
    public String wrongNow() {
        Set<String> valid = Set.of(now(-1), now(), now(1), now(2));
        return IntStream.range(0, 10).mapToObj(digit -> String.valueOf(digit).repeat(6))
                .filter(code -> !valid.contains(code)).findFirst().orElseThrow();
    }

    /**
     * Periods follow the server's system clock: when the period is about to end, waits (at most 3 s) for the next one,
     * so a code made for period N+k is checked in period N. Never waits through a period.
     */
    public static void awayFromPeriodEdge() {
        long intoPeriod = Instant.now().getEpochSecond() % PERIOD;
        if (intoPeriod >= PERIOD - 3) {
            Pause.millis((PERIOD - intoPeriod) * 1000 + 200);
        }
    }

    public String forPeriod(long counter) {
        String steps = String.format("%016X", counter);
        return new HmacOTP(6, HmacOTP.HMAC_SHA1, 0).generateOTP(key, steps, 6, HmacOTP.HMAC_SHA1);
    }
}
