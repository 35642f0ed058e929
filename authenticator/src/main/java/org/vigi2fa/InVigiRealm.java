package org.vigi2fa;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * The one switch of a Keycloak required action the JAR replaces under Keycloak's own id (CONFIGURE_TOTP,
 * CONFIGURE_RECOVERY_AUTHN_CODES): the product's flow in realms where VIGI 2FA is on, Keycloak's own everywhere else.
 */
public final class InVigiRealm {

    private InVigiRealm() {
    }

    /** Runs {@code vigi} in a VIGI realm, else {@code keycloak} (the overridden method, as {@code super::…}). */
    public static void either(RequiredActionContext context, Consumer<RequiredActionContext> vigi, Consumer<RequiredActionContext> keycloak) {
        (TwoFactorSettings.isEnabledIn(context.getSession(), context.getRealm()) ? vigi : keycloak).accept(context);
    }

    /** The same switch for a cancel, which Keycloak reports without a context. */
    public static void either(KeycloakSession session, AuthenticationSessionModel authSession,
            BiConsumer<KeycloakSession, AuthenticationSessionModel> vigi, BiConsumer<KeycloakSession, AuthenticationSessionModel> keycloak) {
        (TwoFactorSettings.isEnabledIn(session, authSession.getRealm()) ? vigi : keycloak).accept(session, authSession);
    }
}
