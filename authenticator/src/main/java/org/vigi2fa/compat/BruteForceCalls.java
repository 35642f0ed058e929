package org.vigi2fa.compat;

import java.lang.reflect.Method;
import java.util.Set;

import jakarta.ws.rs.core.UriInfo;

import org.keycloak.common.ClientConnection;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Counting a failure or a success with Keycloak's brute-force protector on every supported release. Keycloak 26.4
 * and 26.5 have {@code failedLogin/successfulLogin(realm, user, connection, uri)}; 26.7 replaced them with a variant
 * that also takes the credential categories (password, otp) and has no four-argument method left. The 26.7 variant
 * is found once, by reflection; without it the four-argument call (compiled against 26.4) is used.
 */
public final class BruteForceCalls {

    private static final Method FAILED_WITH_CATEGORIES = categoriesVariant("failedLogin");
    private static final Method SUCCESS_WITH_CATEGORIES = categoriesVariant("successfulLogin");
    private static final boolean CATEGORIES = FAILED_WITH_CATEGORIES != null && SUCCESS_WITH_CATEGORIES != null;

    private BruteForceCalls() {
    }

    /** Counts one failed attempt of the given credential category toward the lockout. */
    public static void failedLogin(BruteForceProtector protector, RealmModel realm, UserModel user,
                                   ClientConnection connection, UriInfo uri, String category) {
        call(FAILED_WITH_CATEGORIES, () -> protector.failedLogin(realm, user, connection, uri),
                protector, realm, user, connection, uri, category);
    }

    /** Resets the failure count for the given credential category, as a successful login does. */
    public static void successfulLogin(BruteForceProtector protector, RealmModel realm, UserModel user,
                                       ClientConnection connection, UriInfo uri, String category) {
        call(SUCCESS_WITH_CATEGORIES, () -> protector.successfulLogin(realm, user, connection, uri),
                protector, realm, user, connection, uri, category);
    }

    /** The 26.7 variant with the category set when the server has it, else the 26.4/26.5 one without. */
    private static void call(Method withCategories, Runnable withoutCategories, BruteForceProtector protector,
                             RealmModel realm, UserModel user, ClientConnection connection, UriInfo uri, String category) {
        if (CATEGORIES) {
            Reflection.invoke(withCategories, protector, realm, user, connection, uri, Set.of(category));
        } else {
            withoutCategories.run();
        }
    }

    /** Whether the running Keycloak takes credential categories (26.7 and later). */
    public static boolean takesCategories() {
        return CATEGORIES;
    }

    private static Method categoriesVariant(String name) {
        return Reflection.find(BruteForceProtector.class, name, RealmModel.class, UserModel.class, ClientConnection.class,
                UriInfo.class, Set.class);
    }
}
