package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.jsoup.nodes.Element;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** One user's walk through the turn-on pages in one browser, started by an application with kc_action. */
final class Enrolment {

    static final String ACTION = "vigi-2fa-enable";
    static final String PAGE_CONFIRM = "login-vigi-2fa-enable-confirm";
    static final String PAGE_PASSWORD = "login-vigi-2fa-enable-password";
    static final String PAGE_SCAN = "login-vigi-2fa-enable-scan";
    static final String PAGE_ALREADY = "login-vigi-2fa-enable-already";

    final VigiEnvironment env;
    final TestUser user;
    final WebSession browser;
    final OAuth oauth;
    final OAuth.AuthRequest request;

    private Enrolment(VigiEnvironment env, TestUser user, WebSession browser, OAuth.AuthRequest request) {
        this.env = env;
        this.user = user;
        this.browser = browser;
        this.oauth = new OAuth(env.realmUrl());
        this.request = request;
    }

    /** vms-cloud asks for {@code kc_action=vigi-2fa-enable} in a fresh browser. */
    static Enrolment fromVmsCloud(VigiEnvironment env, TestUser user) {
        return from(env, user, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, ACTION);
    }

    static Enrolment from(VigiEnvironment env, TestUser user, WebSession browser, VigiClient client, String kcAction) {
        return new Enrolment(env, user, browser, new OAuth(env.realmUrl()).authRequest(client, "kc_action", kcAction));
    }

    /** Opens the application's request and signs in with the password; returns the confirm page. */
    Page start() {
        Page page = Flows.passwordStep(browser, request, user);
        Flows.assertPage(page, PAGE_CONFIRM);
        return page;
    }

    /** Opens the application's request in a browser that is already signed in. */
    Page startSignedIn() {
        Page page = browser.get(request.url());
        Flows.assertPage(page, PAGE_CONFIRM);
        return page;
    }

    Page confirm(Page confirmPage) {
        Flows.assertPage(confirmPage, PAGE_CONFIRM);
        return browser.submit(confirmPage.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
    }

    Page password(Page passwordPage, String password) {
        Flows.assertPage(passwordPage, PAGE_PASSWORD);
        return browser.submit(passwordPage.form("#vigi-password-form"), Map.of("password", password));
    }

    Page code(Page scanPage, String code) {
        Flows.assertPage(scanPage, PAGE_SCAN);
        return browser.submit(scanPage.form("#vigi-scan-form"), Map.of("otp", code));
    }

    /** The code with a name for the authenticator (the optional field of the scan page). */
    Page code(Page scanPage, String code, String name) {
        Flows.assertPage(scanPage, PAGE_SCAN);
        return browser.submit(scanPage.form("#vigi-scan-form"), Map.of("otp", code, "userLabel", name));
    }

    /** Posts the page's form with its cancel button. */
    Page cancel(Page page, String formCss) {
        assertTrue(page.document().selectFirst(formCss + " #vigi-cancel") != null, "no #vigi-cancel in " + formCss + " on " + page);
        return browser.submit(page.form(formCss), Map.of("cancel-aia", "true"));
    }

    /** Sign-in, confirm and password: the page with the QR code. */
    Page toScan() {
        Page scan = password(confirm(start()), user.password());
        Flows.assertPage(scan, PAGE_SCAN);
        return scan;
    }

    /** The whole flow with a correct code; returns the redirect back to the application. */
    Page enrol() {
        return codeOfPhone(toScan());
    }

    /** Submits the code the phone that scanned this page shows now. */
    Page codeOfPhone(Page scanPage) {
        return code(scanPage, phone(scanPage).now());
    }

    /** The authenticator app that scanned the page: the codes of the key it shows. */
    static Totp phone(Page scan) {
        return Totp.ofBase32(manualKey(scan));
    }

    /** The manual-entry key shown on the scan page, without the spaces between groups. */
    static String manualKey(Page scan) {
        Element secret = scan.document().selectFirst("#vigi-secret");
        assertTrue(secret != null, "no #vigi-secret on " + scan);
        return secret.text().replace(" ", "");
    }

    /** The text of the QR code on the scan page, decoded from its PNG with zxing. */
    static String qrText(Page scan) {
        Element img = scan.document().selectFirst("img#vigi-qr");
        assertTrue(img != null, "no img#vigi-qr on " + scan);
        String src = img.attr("src");
        assertTrue(src.startsWith("data:image/png;base64,"), "QR is not a PNG data URI: " + src.substring(0, Math.min(40, src.length())));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException e) {
            throw new AssertionError("No QR code found in #vigi-qr", e);
        }
    }

    /** Asserts the page is the redirect back to the application with this kc_action_status. */
    void assertBackAtApp(Page end, String status) {
        assertTrue(end.isRedirect(), "expected a redirect back to the application, got " + end + ": " + end.text());
        Map<String, String> params = end.redirectParams();
        assertEquals(request.state(), params.get("state"), end.redirect());
        assertEquals(status, params.get("kc_action_status"), end.redirect());
    }

    /** The first stored event of this type for the user whose details contain the given vigi_2fa value. */
    static Optional<org.keycloak.representations.idm.EventRepresentation> event(VigiEnvironment env, TestUser user, String type, String vigiDetail) {
        return env.realm().getEvents(List.of(type), null, user.id(), null, null, null, 0, 200).stream()
                .filter(e -> e.getDetails() != null && vigiDetail.equals(e.getDetails().get("vigi_2fa")))
                .findFirst();
    }

    /** A message of the extension's own bundle for the language, formatted as the theme formats it. */
    static String message(String language, String key, Object... args) {
        Properties bundle = new Properties();
        try (var in = Enrolment.class.getResourceAsStream("/theme-resources/messages/messages_" + language + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MessageFormat(bundle.getProperty(key), Locale.forLanguageTag(language)).format(args);
    }
}
