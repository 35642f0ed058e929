package org.vigi2fa.activity;

import org.keycloak.authentication.RequiredActionContext;
import org.vigi2fa.UserStartedAction;

/**
 * kc_action {@code vigi-2fa-activity}: the "Recent security activity" page from account settings. It changes nothing;
 * "Older" and "Newer" show another page of rows, "Back to account settings" ends the action.
 */
public final class ActivityPageAction implements UserStartedAction {

    @Override
    public String getId() {
        return ActivityIds.PAGE_ACTION;
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - recent security activity";
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(ActivityPage.render(context, 0));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        var form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(ActivityIds.FIELD_BACK)) {
            context.success();
            return;
        }
        context.challenge(ActivityPage.render(context, ActivityPage.pageNumber(form.getFirst(ActivityIds.FIELD_PAGE))));
    }
}
