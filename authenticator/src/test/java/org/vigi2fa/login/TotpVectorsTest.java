package org.vigi2fa.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.models.utils.TimeBasedOTP;

/**
 * The RFC test vectors through the classes the server's OTPCredentialProvider validates codes with,
 * constructed the way it constructs them (HOTP: HmacOTP(digits, algorithm, look-around); TOTP: TimeBasedOTP(
 * algorithm, digits, period, look-around)).
 */
class TotpVectorsTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 4226 Appendix D: HOTP, key "12345678901234567890", counters 0-9, 6 digits. */
    @ParameterizedTest(name = "HOTP counter {0} -> {1}")
    @CsvSource({"0,755224", "1,287082", "2,359152", "3,969429", "4,338314", "5,254676", "6,287922", "7,162583",
            "8,399871", "9,520489"})
    void rfc4226(int counter, String expected) {
        HmacOTP hotp = new HmacOTP(6, HmacOTP.HMAC_SHA1, 0);
        assertEquals(expected, hotp.generateHOTP(SHA1_KEY, counter));
        assertEquals(counter + 1, hotp.validateHOTP(expected, SHA1_KEY, counter), "validation advances the stored counter");
        assertEquals(-1, hotp.validateHOTP(expected, SHA1_KEY, counter + 1), "a used counter is not accepted again");
    }

    /** RFC 6238 Appendix B: TOTP, 30 s periods, 8 digits, each algorithm with its own key length. */
    @ParameterizedTest(name = "{1} at {0} -> {2}")
    @CsvSource({
            "59,HmacSHA1,94287082", "59,HmacSHA256,46119246", "59,HmacSHA512,90693936",
            "1111111109,HmacSHA1,07081804", "1111111109,HmacSHA256,68084774", "1111111109,HmacSHA512,25091201",
            "1111111111,HmacSHA1,14050471", "1111111111,HmacSHA256,67062674", "1111111111,HmacSHA512,99943326",
            "1234567890,HmacSHA1,89005924", "1234567890,HmacSHA256,91819424", "1234567890,HmacSHA512,93441116",
            "2000000000,HmacSHA1,69279037", "2000000000,HmacSHA256,90698825", "2000000000,HmacSHA512,38618901",
            "20000000000,HmacSHA1,65353130", "20000000000,HmacSHA256,77737706", "20000000000,HmacSHA512,47863826"})
    void rfc6238(long epochSeconds, String algorithm, String expected) {
        byte[] key = keyFor(algorithm);
        TimeBasedOTP totp = new TimeBasedOTP(algorithm, 8, 30, 0);
        totp.setCalendar(at(epochSeconds));
        assertEquals(expected, totp.generateTOTP(key));
        assertTrue(totp.validateTOTP(expected, key), "the server's check accepts the RFC code");

        TimeBasedOTP twoPeriodsLater = new TimeBasedOTP(algorithm, 8, 30, 1);
        twoPeriodsLater.setCalendar(at(epochSeconds + 60));
        assertFalse(twoPeriodsLater.validateTOTP(expected, key), "outside the look-around window the code is refused");
    }

    /** RFC 6238 seeds: the 20-byte ASCII seed repeated to the hash's block-matching length (20/32/64 bytes). */
    private static byte[] keyFor(String algorithm) {
        int length = switch (algorithm) {
            case HmacOTP.HMAC_SHA1 -> 20;
            case HmacOTP.HMAC_SHA256 -> 32;
            case HmacOTP.HMAC_SHA512 -> 64;
            default -> throw new IllegalArgumentException(algorithm);
        };
        StringBuilder seed = new StringBuilder();
        while (seed.length() < length) {
            seed.append("1234567890");
        }
        return seed.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    private static Calendar at(long epochSeconds) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(epochSeconds * 1000);
        return calendar;
    }
}
