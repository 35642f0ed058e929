package org.vigi2fa.rollout;

import java.time.Instant;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.vigi2fa.ShownTime;

/**
 * The page a covered user without 2FA meets after signing in: why, the deadline (UTC text from the server, re-shown by
 * the page's script in the browser's zone and language), "Turn it on now", and "Remind me later (n left)" while allowed.
 */
final class RolloutPage {

    private RolloutPage() {
    }

    static Response render(RequiredActionContext context, RolloutPolicy policy) {
        RolloutState state = RolloutState.of(context.getUser());
        long deadline = policy.deadlineFor(state.since());
        LoginFormsProvider form = context.form().setAttribute(RolloutIds.ATTR_LEFT, leftFor(policy, state));
        if (deadline != Long.MAX_VALUE) {
            Locale locale = ShownTime.localeOf(context.getSession(), context.getUser());
            form.setAttribute(RolloutIds.ATTR_DEADLINE, Instant.ofEpochSecond(deadline).toString())
                    .setAttribute(RolloutIds.ATTR_DEADLINE_UTC, ShownTime.utc(deadline * 1000L, locale));
        }
        return form.createForm(RolloutIds.TPL_PAGE);
    }

    /** Postponements the user has left: none once the deadline passed. The first call starts the user's grace. */
    static int leftFor(RolloutPolicy policy, RolloutState state) {
        if (Time.currentTime() >= policy.deadlineFor(state.since())) {
            return 0;
        }
        return Math.max(0, policy.postponements() - state.postponed());
    }
}
