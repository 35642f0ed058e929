package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Keycloak's own "delete credential?" page (delete-credential.ftl), which the account console's "Delete" opens. */
public final class DeleteCredentialPage extends KeycloakPage<DeleteCredentialPage> {

    public DeleteCredentialPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-delete-credential";
    }

    public void confirm() {
        browser.click("#kc-accept");
    }
}
