package org.vigi2fa.testing;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The one way tests and the benchmark make a user through the admin API: enabled, a verified address
 * {@code username@example.test}, a password and any further credentials (an OTP seed), in one create request.
 */
public final class UserSeed {

    private UserSeed() {
    }

    /** Creates the user; returns its id (fails unless Keycloak answers 201). */
    public static String create(RealmResource realm, String username, String firstName, String lastName,
                                String password, List<CredentialRepresentation> more) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email(username));
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(true);
        user.setEmailVerified(true);
        List<CredentialRepresentation> credentials = new ArrayList<>(List.of(password(password)));
        credentials.addAll(more);
        user.setCredentials(credentials);
        try (var response = realm.users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Creating " + username + " failed: HTTP " + response.getStatus());
            }
            String path = response.getLocation().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    public static String email(String username) {
        return username + "@example.test";
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(value);
        password.setTemporary(false);
        return password;
    }
}
