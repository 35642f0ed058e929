package org.vigi2fa.activity;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.vigi2fa.StatelessFactory;

/**
 * A user's security activity for administrators: {@code GET /realms/{realm}/vigi-2fa-activity/users/{id}?first=&max=},
 * every retained row, newest first, for a bearer token of an administrator who may view that user (Keycloak's admin
 * permissions: the realm's {@code view-users}, or fine-grained user permissions). Anyone else gets 401 or 403.
 */
public final class ActivityAdminResourceFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    static final int DEFAULT_MAX = 100;
    static final int LARGEST_MAX = 500;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new Resource(session);
    }

    @Override
    public String getId() {
        return ActivityIds.ADMIN_RESOURCE;
    }

    /** The endpoint, per request. */
    public static final class Resource implements RealmResourceProvider {
        private final KeycloakSession session;

        Resource(KeycloakSession session) {
            this.session = session;
        }

        @Override
        public Object getResource() {
            return this;
        }

        @GET
        @Path("users/{userId}")
        @Produces(MediaType.APPLICATION_JSON)
        public List<Activity> rows(@PathParam("userId") String userId, @QueryParam("first") Integer first,
                @QueryParam("max") Integer max) {
            RealmModel realm = session.getContext().getRealm();
            AdminPermissionEvaluator permissions = AdminPermissions.evaluator(session, realm, AdminToken.authenticate(session, realm));
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                // whether a user exists is told only to those who may view users
                permissions.users().requireView();
                throw new NotFoundException("User not found");
            }
            permissions.users().requireView(user);
            int from = first == null || first < 0 ? 0 : first;
            int count = max == null || max <= 0 ? DEFAULT_MAX : Math.min(max, LARGEST_MAX);
            return SecurityActivity.recent(session, realm, user.getId(), 0, from, count);
        }

        @Override
        public void close() {
        }
    }
}
