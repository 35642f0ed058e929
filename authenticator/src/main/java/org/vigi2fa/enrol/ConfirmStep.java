package org.vigi2fa.enrol;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/** The first page of turning 2FA on: what it guards, and "continue" to the password. */
final class ConfirmStep {

    private ConfirmStep() {
    }

    /** Puts the session at this step and shows its page. */
    static void show(RequiredActionContext context) {
        context.getAuthenticationSession().setAuthNote(EnrolIds.AUTH_NOTE_STEP, EnrolIds.STEP_CONFIRM);
        context.challenge(context.form().setAttribute(EnrolIds.ATTR_APPS, guardedApplications(context.getRealm()))
                .createForm(EnrolIds.TPL_ENABLE_CONFIRM));
    }

    /** "Continue" goes on to the password; any other post shows this page again. */
    static void process(RequiredActionContext context, MultivaluedMap<String, String> form) {
        if (!form.containsKey(EnrolIds.FIELD_CONTINUE)) {
            show(context);
            return;
        }
        context.getAuthenticationSession().setAuthNote(EnrolIds.AUTH_NOTE_STEP, EnrolIds.STEP_PASSWORD);
        context.challenge(PasswordStep.page(context, null));
    }

    /** The VIGI applications of the realm: its own clients with a display name (Keycloak's built-ins use ${...} keys). */
    static List<String> guardedApplications(RealmModel realm) {
        return realm.getClientsStream()
                .filter(ClientModel::isEnabled)
                .filter(client -> !client.isBearerOnly())
                .map(ClientModel::getName)
                .filter(name -> name != null && !name.isBlank() && !name.startsWith("${"))
                .distinct().sorted().collect(Collectors.toList());
    }
}
