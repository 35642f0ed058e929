package org.vigi2fa.testing.provider;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.vigi2fa.StatelessFactory;

/**
 * Test-only server endpoint that reads a user's stored credentials of one type as Keycloak's store holds them,
 * secret data included (the admin API never returns it, and the embedded H2 file is locked by the running server),
 * so tests can check how a secret is stored. Packaged in the -testsupport JAR only.
 * GET /realms/{realm}/vigi-test-credential/{userId}/{type}: [{id, type, credentialData, secretData}].
 */
public final class TestCredentialProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new Resource(session);
    }

    @Override
    public String getId() {
        return "vigi-test-credential";
    }

    /** The endpoint, per request. */
    public static final class Resource extends SessionResource {

        Resource(KeycloakSession session) {
            super(session);
        }

        @GET
        @Path("{userId}/{type}")
        @Produces(MediaType.APPLICATION_JSON)
        public List<Map<String, String>> stored(@PathParam("userId") String userId, @PathParam("type") String type) {
            RealmModel realm = session.getContext().getRealm();
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                throw new NotFoundException();
            }
            return user.credentialManager().getStoredCredentialsByTypeStream(type)
                    .map(c -> Map.of("id", c.getId(), "type", c.getType(), "credentialData", c.getCredentialData(),
                            "secretData", c.getSecretData()))
                    .toList();
        }
    }
}
