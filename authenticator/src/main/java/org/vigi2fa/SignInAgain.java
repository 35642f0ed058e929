package org.vigi2fa;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Where a page that ends a story ("2FA is off", "your account is secured") sends the person next: the application the
 * link came from, or else the account console, whose sign-in is the realm's own. One rule for every such page.
 */
public final class SignInAgain {

    private SignInAgain() {
    }

    public static LoginFormsProvider offer(LoginFormsProvider form, KeycloakSession session, RealmModel realm,
            AuthenticationSessionModel authSession) {
        return form.setAttribute(VigiIds.ATTR_SIGN_IN_URL, url(session, realm, authSession));
    }

    static String url(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
        ClientModel client = authSession == null ? null : authSession.getClient();
        String base = client == null || client.getBaseUrl() == null ? null
                : ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), client.getBaseUrl());
        if (base != null && !base.isBlank()) {
            return base;
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName()).toString();
    }
}
