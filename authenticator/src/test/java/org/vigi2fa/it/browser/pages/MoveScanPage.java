package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Moving 2FA to a new phone, second page: the new phone's QR code and key, then its code (vigi-2fa-move-scan.ftl). */
public final class MoveScanPage extends KeycloakPage<MoveScanPage> {

    public MoveScanPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-move-scan";
    }

    /** The key as the page shows it for manual entry (groups of four). */
    public String secret() {
        return browser.find("#vigi-secret").getText().trim();
    }

    /** Whether the QR code is an inline PNG the browser actually decoded (non-zero natural size). */
    public boolean showsQrCode() {
        Object ok = browser.js("const i = document.getElementById('vigi-qr');"
                + "return !!i && i.src.startsWith('data:image/png;base64,') && i.complete && i.naturalWidth > 0;");
        return Boolean.TRUE.equals(ok);
    }

    public void verify(String code) {
        browser.type("#otp", code);
        browser.click("#vigi-verify");
    }
}
