package org.vigi2fa.it.browser.pages;

import java.util.List;
import java.util.stream.Stream;

import org.vigi2fa.testing.browser.Browser;

/** Keycloak's own "delete credential?" page (delete-credential.ftl), which the account console's "Remove" opens. */
public final class DeleteCredentialPage extends KeycloakPage<DeleteCredentialPage> {

    public DeleteCredentialPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-delete-credential";
    }

    /** The texts of the confirm and the cancel button. */
    public List<String> buttons() {
        return Stream.of("#kc-accept", "#kc-decline").map(css -> (String) browser.js(
                "const e = arguments[0]; return (e.tagName === 'INPUT' ? e.value : e.textContent).trim();", browser.find(css)))
                .toList();
    }

    public void confirm() {
        browser.click("#kc-accept");
    }
}
