package org.vigi2fa.enrol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as PNG data URIs, drawn with the zxing library the server ships. */
final class QrCode {

    private static final int SIZE = 240;
    /** The QR specification's quiet zone; with less, readers miss the finder patterns for some secrets. */
    private static final int QUIET_ZONE_MODULES = 4;

    private QrCode() {
    }

    /** A {@code data:image/png;base64,...} URI of the text's QR code. */
    static String pngDataUri(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode the QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
