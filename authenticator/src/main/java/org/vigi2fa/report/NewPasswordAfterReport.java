package org.vigi2fa.report;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's {@code UPDATE_PASSWORD}, same id so it replaces the built-in one: after "This wasn't me" the page tells the
 * owner why a new password is due (a sign-in they reported) instead of Keycloak's "to activate your account"; any other
 * time it is Keycloak's page unchanged. The form, the checks and the stored password are all Keycloak's.
 */
public final class NewPasswordAfterReport extends UpdatePassword {

    /** Above Keycloak's own UPDATE_PASSWORD (order 0), so this one is the provider of that id. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new NewPasswordAfterReport();
    }

    /** The form provider is the session's one, so a message set here is the one Keycloak's page shows. */
    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (context.getUser().getFirstAttribute(ReportIds.USER_ATTR_NEW_PASSWORD_DUE) != null) {
            context.form().setInfo(ReportIds.MSG_NEW_PASSWORD);
        }
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        super.processAction(context);
        if (context.getStatus() == RequiredActionContext.Status.SUCCESS) {
            context.getUser().removeAttribute(ReportIds.USER_ATTR_NEW_PASSWORD_DUE);
        }
    }
}
