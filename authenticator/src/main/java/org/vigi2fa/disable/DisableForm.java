package org.vigi2fa.disable;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;
import org.vigi2fa.VigiIds;

/** The "turn 2FA off" page: password and current code on one page, then removal. Shared by both entry points. */
final class DisableForm {

    static final String MSG_NOT_ON = "vigi2faDisableNotOn";
    static final String MSG_WRONG_PASSWORD = "vigi2faDisableWrongPassword";
    static final String MSG_WRONG_CODE = "vigi2faDisableWrongCode";
    static final String MSG_LOCKED = "vigi2faDisableLocked";

    private DisableForm() {
    }

    /** Shows the page; {@code credentialIds} null means every OTP credential of the user. */
    static void challenge(RequiredActionContext context, List<String> credentialIds) {
        if (targets(context.getUser(), credentialIds).isEmpty()) {
            context.challenge(page(context).setError(MSG_NOT_ON).setAttribute("vigiNotOn", true).createForm(VigiIds.TPL_DISABLE));
            return;
        }
        context.challenge(page(context).createForm(VigiIds.TPL_DISABLE));
    }

    /** Checks password and code (failures count for brute force), then turns 2FA off. */
    static void process(RequiredActionContext context, List<String> credentialIds, String how) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        EventBuilder refused = context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL).user(user)
                .detail(VigiIds.EVENT_DETAIL, how);
        List<CredentialModel> targets = targets(user, credentialIds);
        if (targets.isEmpty()) {
            refused.error(Errors.CREDENTIAL_NOT_FOUND);
            challenge(context, credentialIds);
            return;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        if (realm.isBruteForceProtected()
                && (protector.isTemporarilyDisabled(session, realm, user) || protector.isPermanentlyLockedOut(session, realm, user))) {
            refused.error(Errors.USER_TEMPORARILY_DISABLED);
            context.challenge(page(context).setError(MSG_LOCKED).createForm(VigiIds.TPL_DISABLE));
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String password = form.getFirst(VigiIds.FIELD_PASSWORD);
        if (password == null || password.isEmpty() || !user.credentialManager().isValid(UserCredentialModel.password(password))) {
            fail(context, protector, PasswordCredentialModel.TYPE);
            refused.error(Errors.INVALID_USER_CREDENTIALS);
            context.challenge(page(context).addError(new FormMessage(VigiIds.FIELD_PASSWORD, MSG_WRONG_PASSWORD)).createForm(VigiIds.TPL_DISABLE));
            return;
        }
        String code = form.getFirst(VigiIds.FIELD_CODE);
        boolean codeValid = code != null && !code.isBlank() && targets.stream().anyMatch(credential -> user.credentialManager()
                .isValid(new UserCredentialModel(credential.getId(), OTPCredentialModel.TYPE, code.trim())));
        if (!codeValid) {
            fail(context, protector, OTPCredentialModel.TYPE);
            refused.error(Errors.INVALID_USER_CREDENTIALS);
            context.challenge(page(context).addError(new FormMessage(VigiIds.FIELD_CODE, MSG_WRONG_CODE)).createForm(VigiIds.TPL_DISABLE));
            return;
        }
        // The session the user is working in survives so the application gets its answer; every other one ends.
        String current = context.getAuthenticationSession().getParentSession().getId();
        TwoFactorRemoval.remove(session, realm, user, targets.stream().map(CredentialModel::getId).collect(Collectors.toList()),
                context.getEvent(), how, current);
        context.success();
    }

    private static List<CredentialModel> targets(UserModel user, List<String> credentialIds) {
        return TwoFactorRemoval.otpCredentials(user).stream()
                .filter(c -> credentialIds == null || credentialIds.contains(c.getId()))
                .collect(Collectors.toList());
    }

    private static void fail(RequiredActionContext context, BruteForceProtector protector, String category) {
        if (context.getRealm().isBruteForceProtected()) {
            protector.failedLogin(context.getRealm(), context.getUser(), context.getConnection(), context.getUriInfo(), Set.of(category));
        }
    }

    private static LoginFormsProvider page(RequiredActionContext context) {
        return context.form();
    }
}
