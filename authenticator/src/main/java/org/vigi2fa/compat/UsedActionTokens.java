package org.vigi2fa.compat;

import java.lang.reflect.Method;

import org.keycloak.models.KeycloakSession;

/**
 * Where Keycloak records that a single-use action token was used, on every supported release, so its own
 * "token already used" check ({@code LoginActionsServiceChecks.checkTokenWasNotUsedYet}) sees what we record.
 * Keycloak 26.4 and 26.5 keep the token key in the single-use object store ({@code session.singleUseObjects()});
 * 26.7 moved it to the revoked-token store ({@code session.revokedTokens()}, absent before 26.7). The 26.7 store is
 * found once, by reflection; without it the single-use object store is used.
 */
public final class UsedActionTokens {

    private static final Method REVOKED_TOKENS = Reflection.find(KeycloakSession.class, "revokedTokens");
    private static final Method REVOKED_PUT = REVOKED_TOKENS == null ? null
            : Reflection.find(REVOKED_TOKENS.getReturnType(), "put", String.class, long.class);
    private static final Method REVOKED_CONTAINS = REVOKED_TOKENS == null ? null
            : Reflection.find(REVOKED_TOKENS.getReturnType(), "contains", String.class);
    private static final boolean REVOKED_STORE = REVOKED_PUT != null && REVOKED_CONTAINS != null;

    private UsedActionTokens() {
    }

    /** Whether the token with this key ({@code serializeKey()}) was already used. */
    public static boolean isUsed(KeycloakSession session, String tokenKey) {
        if (REVOKED_STORE) {
            return (Boolean) Reflection.invoke(REVOKED_CONTAINS, Reflection.invoke(REVOKED_TOKENS, session), tokenKey);
        }
        return session.singleUseObjects().contains(tokenKey);
    }

    /** Records the token as used for {@code lifespanSeconds}; false when it already was (another request won). */
    public static boolean markUsed(KeycloakSession session, String tokenKey, long lifespanSeconds) {
        if (REVOKED_STORE) {
            return (Boolean) Reflection.invoke(REVOKED_PUT, Reflection.invoke(REVOKED_TOKENS, session), tokenKey, lifespanSeconds);
        }
        return session.singleUseObjects().putIfAbsent(tokenKey, lifespanSeconds);
    }

    /** Whether the running Keycloak has the revoked-token store (26.7 and later). */
    public static boolean usesRevokedTokenStore() {
        return REVOKED_STORE;
    }
}
