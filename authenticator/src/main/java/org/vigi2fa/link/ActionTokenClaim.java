package org.vigi2fa.link;

import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.compat.UsedActionTokens;

/**
 * The single use of an emailed link whose confirm is a POST (lost phone, "This wasn't me"): exactly one confirm
 * wins, also when several arrive at once. The single-use store decides at once; the used-token store that
 * Keycloak's own checks read (26.7: the revoked-token store, a database row) would only refuse a concurrent twin at
 * commit, as a bare 409, so both are written, and both are read.
 */
public final class ActionTokenClaim {

    /** A minute beyond expiry: a used key must outlive every token that could still be presented. */
    private static final int GRACE_SECONDS = 60;

    private final String keyPrefix;

    public ActionTokenClaim(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** Claims the token's single use; false when another request already did. */
    public boolean claim(KeycloakSession session, DefaultActionToken token) {
        long keep = keepSeconds(token);
        return session.singleUseObjects().putIfAbsent(keyPrefix + token.serializeKey(), keep)
                && UsedActionTokens.markUsed(session, token.serializeKey(), keep);
    }

    /**
     * Used, or being used by a confirm in flight: the claim is visible at once, the used-token record only once the
     * winner commits; reading both lets every loser hear "already used" rather than Keycloak's "action expired".
     */
    public boolean taken(KeycloakSession session, DefaultActionToken token) {
        return session.singleUseObjects().contains(keyPrefix + token.serializeKey())
                || UsedActionTokens.isUsed(session, token.serializeKey());
    }

    /**
     * This browser's confirm of the token, told by the id of the confirm form it submits, so that the twins of a
     * confirm (a double-click, a resubmit after it worked, a reload of a dropped answer) show the done page rather
     * than "already used"; another browser, which never saw that form, still hears "already used".
     */
    public OncePerBrowser confirmIn(ActionTokenContext<?> tokenContext, DefaultActionToken token) {
        return OncePerBrowser.of(keyPrefix + "browser.", token.serializeKey(), ActionTokenPost.submitId(tokenContext),
                keepSeconds(token));
    }

    /** Used, by a confirm of this browser that committed (waits while a twin of it is at work). */
    public boolean confirmedIn(ActionTokenContext<?> tokenContext, DefaultActionToken token) {
        return taken(tokenContext.getSession(), token) && confirmIn(tokenContext, token).done(tokenContext.getSession());
    }

    private static long keepSeconds(DefaultActionToken token) {
        return Math.max(1, token.getExp() - Time.currentTime()) + GRACE_SECONDS;
    }
}
