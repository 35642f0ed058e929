package org.vigi2fa.activity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.vigi2fa.StatelessFactory;

/**
 * The adoption report under Keycloak's admin API: {@code GET /admin/realms/{realm}/vigi-2fa/adoption?weeks=}. Keycloak
 * authenticates the administrator as for any admin endpoint; the report needs the realm's {@code view-users}, since it
 * counts users. Figures come from count queries ({@link AdoptionCounts}).
 */
public final class AdoptionAdminResourceFactory implements AdminRealmResourceProviderFactory,
        StatelessFactory<AdminRealmResourceProvider>, AdminRealmResourceProvider {

    static final int DEFAULT_WEEKS = 8;
    /** The activity table keeps 90 days by default: 13 weeks. */
    static final int MOST_WEEKS = 13;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ActivityIds.ADMIN_REPORT_RESOURCE;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new Report(session, realm, auth);
    }

    @Override
    public void close() {
    }

    /** The endpoint, per request. */
    public static final class Report {
        private final KeycloakSession session;
        private final RealmModel realm;
        private final AdminPermissionEvaluator auth;

        Report(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
            this.session = session;
            this.realm = realm;
            this.auth = auth;
        }

        @GET
        @Path("adoption")
        @Produces(MediaType.APPLICATION_JSON)
        public AdoptionReport adoption(@QueryParam("weeks") Integer weeks) {
            auth.users().requireView();
            int count = weeks == null || weeks <= 0 ? DEFAULT_WEEKS : Math.min(weeks, MOST_WEEKS);
            return AdoptionCounts.of(session, realm, count);
        }
    }
}
