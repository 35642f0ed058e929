package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Turning 2FA on, step 3: QR code, the secret as text, and the first code (vigi-2fa-enable-scan.ftl). */
public final class EnableScanPage extends KeycloakPage<EnableScanPage> {

    public EnableScanPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-enable-scan";
    }

    /** The secret as the page shows it for manual entry (groups of four). */
    public String secret() {
        return browser.find("#vigi-secret").getText().trim();
    }

    /** Whether the QR code is an inline PNG the browser actually decoded (non-zero natural size). */
    public boolean showsQrCode() {
        Object ok = browser.js("const i = document.getElementById('vigi-qr');"
                + "return !!i && i.src.startsWith('data:image/png;base64,') && i.complete && i.naturalWidth > 0;");
        return Boolean.TRUE.equals(ok);
    }

    /** Types the optional name of the authenticator ("Pixel 8"). */
    public EnableScanPage name(String name) {
        browser.type("#userLabel", name);
        return this;
    }

    public void verify(String code) {
        browser.type("#otp", code);
        browser.click("#vigi-verify");
    }
}
