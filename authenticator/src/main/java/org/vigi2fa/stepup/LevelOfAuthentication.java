package org.vigi2fa.stepup;

import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.authenticators.util.LoAUtil;
import org.keycloak.models.Constants;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The code (or a recovery code) reaches the top level of authentication of the flow (acr 2 in the VIGI realm).
 * Keycloak's "Condition - level of authentication" records a level only for a sub-flow it let run because that level
 * was asked; a VIGI user with 2FA gives the code at every sign-in, asked or not, so the code step records it itself,
 * the way the condition would. A flow without level conditions (old hand wiring) is left as it was.
 */
public final class LevelOfAuthentication {

    private LevelOfAuthentication() {
    }

    /**
     * Records the highest level configured in the flow as passed now, for this request and, in the user session, for
     * later SSO. Keycloak copies the levels to the user session only when a level condition's sub-flow ran; on a
     * step-up in an SSO session none does (the password level is still valid), so the copy is made here too.
     */
    public static void secondFactorPassed(AuthenticationFlowContext context) {
        Map<Integer, Integer> levels = LoAUtil.getLoaMaxAgesConfiguredInRealmFlow(context.getRealm(), context.getTopLevelFlow().getId());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        levels.keySet().stream().max(Integer::compare).ifPresent(level -> {
            new AcrStore(context.getSession(), authSession).setLevelAuthenticated(level);
            authSession.setUserSessionNote(Constants.LOA_MAP, authSession.getAuthNote(Constants.LOA_MAP));
        });
    }
}
