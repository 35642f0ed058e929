package org.vigi2fa.activity;

import java.util.Set;

/**
 * Which recorded kinds a person could answer with "This wasn't me": sign-ins and changes that someone holding the
 * password, the mailbox or a device could have made. Not the report itself, nor what an administrator did. The kinds
 * are this package's sign-in kinds and the product's event-detail values (the capabilities that record them own them).
 */
final class ActivityKinds {

    private static final Set<String> REPORTABLE = Set.of(ActivityIds.KIND_SIGN_IN_CODE, ActivityIds.KIND_SIGN_IN_RECOVERY,
            ActivityIds.KIND_SIGN_IN_TRUSTED, ActivityIds.KIND_PASSWORD_CHANGED, ActivityIds.KIND_EMAIL_CHANGED,
            "enabled", "moved", "settings-disable", "account-console-delete", "lost-phone-link", "lost-phone-confirm",
            "trusted-device-added", "recovery-codes-generated", "recovery-codes-removed", "rollout-postponed");

    private ActivityKinds() {
    }

    static boolean reportable(String kind) {
        return REPORTABLE.contains(kind);
    }
}
