package org.vigi2fa.recovery;

import java.lang.reflect.Proxy;

import javax.crypto.SecretKeyFactory;

import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.common.crypto.CryptoProvider;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;

/**
 * Keycloak's own pbkdf2-sha512 hasher outside the server: its factory needs no session, only Keycloak's crypto
 * provider, of which the hasher uses the JDK's key-derivation factory alone (the rest is not wired in unit tests).
 */
final class Pbkdf2ForTests {

    private Pbkdf2ForTests() {
    }

    static synchronized PasswordHashProvider hasher() {
        if (!CryptoIntegration.isInitialised()) {
            CryptoIntegration.setProvider((CryptoProvider) Proxy.newProxyInstance(Pbkdf2ForTests.class.getClassLoader(),
                    new Class<?>[] {CryptoProvider.class}, (proxy, method, args) -> {
                        if ("getSecretKeyFact".equals(method.getName())) {
                            return SecretKeyFactory.getInstance((String) args[0]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    }));
        }
        return new Pbkdf2Sha512PasswordHashProviderFactory().create(null);
    }
}
