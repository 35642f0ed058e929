package org.vigi2fa.notify;

import java.util.Map;

import org.keycloak.authentication.actiontoken.ActionTokenHandler;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.VigiIds;

/**
 * The "This wasn't me" link every security mail carries, made by the handler that answers it. The mails live below
 * the capability that handles reports, so they find it by its action-token id in Keycloak's provider registry
 * instead of importing it.
 */
public interface MailLink {

    /** The mail attributes plus the link (and what the template says about it); unchanged when no link can be made. */
    Map<String, Object> addTo(KeycloakSession session, RealmModel realm, UserModel user, String template, Map<String, Object> attributes);

    /** The attributes with the report link added, when the handler of {@link VigiIds#REPORT_TOKEN} is deployed. */
    static Map<String, Object> added(KeycloakSession session, RealmModel realm, UserModel user, String template,
            Map<String, Object> attributes) {
        ActionTokenHandler<?> handler = session.getProvider(ActionTokenHandler.class, VigiIds.REPORT_TOKEN);
        return handler instanceof MailLink link ? link.addTo(session, realm, user, template, attributes) : attributes;
    }
}
