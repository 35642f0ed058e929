package org.vigi2fa.enrol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.CredentialValidation;
import org.vigi2fa.testing.Totp;

/** The secret, its Key URI, its QR code and the credential it becomes, without a server. */
class EnrolmentSecretTest {

    private static final OTPPolicy POLICY = new OTPPolicy("totp", "HmacSHA1", 0, 6, 1, 30);

    @Test
    void secretIs160RandomBitsInBase32() {
        EnrolmentSecret one = EnrolmentSecret.generate();
        EnrolmentSecret two = EnrolmentSecret.generate();
        assertTrue(one.base32().matches("[A-Z2-7]{32}"), one.base32());
        assertEquals(20, Base32.decode(one.base32()).length);
        assertNotEquals(one.base32(), two.base32());
    }

    @Test
    void groupsOfFourForManualEntry() {
        assertEquals("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567", EnrolmentSecret.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").grouped());
        assertEquals("ABCD EF", EnrolmentSecret.of("ABCDEF").grouped());
    }

    @Test
    void keyUriCarriesIssuerLabelAndPolicy() {
        String uri = EnrolmentSecret.of("JBSWY3DPEHPK3PXP").keyUri(POLICY, "VIGI: Lab & Co", "anna maria");
        assertEquals("otpauth://totp/VIGI%20%20Lab%20%26%20Co:anna%20maria?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=VIGI%20%20Lab%20%26%20Co&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void hotpPolicyGetsACounterInsteadOfAPeriod() {
        OTPPolicy hotp = new OTPPolicy("hotp", "HmacSHA256", 3, 8, 1, 30);
        String uri = EnrolmentSecret.of("JBSWY3DPEHPK3PXP").keyUri(hotp, "VIGI", "anna");
        assertTrue(uri.startsWith("otpauth://hotp/VIGI:anna?"), uri);
        assertTrue(uri.endsWith("&algorithm=SHA256&digits=8&counter=3"), uri);
    }

    @Test
    void credentialDecodesToTheSameBytesTheAppHolds() {
        EnrolmentSecret secret = EnrolmentSecret.generate();
        OTPCredentialModel credential = secret.credential(POLICY, "phone");
        assertEquals(OTPCredentialModel.TYPE, credential.getType());
        assertEquals("BASE32", credential.getOTPCredentialData().getSecretEncoding());
        assertEquals("totp", credential.getOTPCredentialData().getSubType());
        assertEquals(6, credential.getOTPCredentialData().getDigits());
        assertEquals(30, credential.getOTPCredentialData().getPeriod());
        assertEquals("HmacSHA1", credential.getOTPCredentialData().getAlgorithm());
        assertArrayEquals(Base32.decode(secret.base32()), credential.getDecodedSecret());

        Totp app = Totp.ofBase32(secret.grouped());
        assertTrue(CredentialValidation.validOTP(app.now(), credential, POLICY.getLookAheadWindow()));
        assertFalse(CredentialValidation.validOTP(app.now(10), credential, POLICY.getLookAheadWindow()));
    }

    @Test
    void qrCodeDecodesBackToTheUri() throws Exception {
        // Many random secrets must all round-trip. The image is read as the exact PNG (PURE_BARCODE): zxing 3.4's
        // camera-style finder misses a few percent of clean generated codes whatever the size or quiet zone.
        for (int i = 0; i < 200; i++) {
            String uri = EnrolmentSecret.generate().keyUri(POLICY, "VIGI", "anna");
            String dataUri = QrCode.pngDataUri(uri);
            assertTrue(dataUri.startsWith("data:image/png;base64,"));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
            String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            assertEquals(uri, decoded, "secret #" + i);
        }
    }
}
