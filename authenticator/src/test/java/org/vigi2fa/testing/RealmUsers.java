package org.vigi2fa.testing;

import java.util.List;
import java.util.UUID;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Test users made and read through the admin API: unique names, the test password, OTP credentials as an import stores them. */
final class RealmUsers {

    private RealmUsers() {
    }

    /** A fresh enabled user with an email address and the test password; unique per call. */
    static TestUser create(RealmResource realm, String prefix, List<CredentialRepresentation> more) {
        String username = prefix.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UserSeed.create(realm, username, "Test", prefix, VigiEnvironment.PASSWORD, more);
        return new TestUser(id, username, UserSeed.email(username), VigiEnvironment.PASSWORD);
    }

    /** A fresh user with an OTP credential; the user and a code generator for its secret. */
    static EnrolledUser createWithOtp(RealmResource realm, String prefix) {
        OtpSeed otp = OtpSeed.fresh("test phone");
        TestUser user = create(realm, prefix, List.of(otp.credential()));
        requireOtp(realm, user.id());
        return new EnrolledUser(user, otp.totp());
    }

    /** Gives an existing user an OTP credential, as an administrator does; returns the code generator. */
    static Totp addOtp(RealmResource realm, String userId) {
        OtpSeed otp = OtpSeed.fresh("phone");
        UserResource user = realm.users().get(userId);
        UserRepresentation rep = user.toRepresentation();
        rep.setCredentials(List.of(otp.credential()));
        user.update(rep);
        requireOtp(realm, userId);
        return otp.totp();
    }

    static List<CredentialRepresentation> otpCredentials(RealmResource realm, String userId) {
        return realm.users().get(userId).credentials().stream().filter(c -> "otp".equals(c.getType())).toList();
    }

    private static void requireOtp(RealmResource realm, String userId) {
        if (otpCredentials(realm, userId).isEmpty()) {
            throw new IllegalStateException("OTP credential was not stored for user " + userId);
        }
    }
}
