package org.vigi2fa.disable;

/** Message keys, page attributes and event details of turning 2FA off from settings or the account console. */
final class DisableIds {

    static final String TPL_DISABLE = "vigi-2fa-disable.ftl";

    static final String MSG_NOT_ON = "vigi2faDisableNotOn";

    /** Page attribute: 2FA is not on, so the page shows no form. */

    /** Event detail values (VigiIds.EVENT_DETAIL) of the two entry points. */
    static final String EVENT_SETTINGS = "settings-disable";
    static final String EVENT_ACCOUNT_CONSOLE = "account-console-delete";

    /** Single-use-store prefix of a browser's turning 2FA off, and how long its twins still hear "done". */
    static final String ONCE_KEY_PREFIX = "vigi-2fa-disable-once.";
    static final long ONCE_KEEP_SECONDS = 600;

    private DisableIds() {
    }
}
