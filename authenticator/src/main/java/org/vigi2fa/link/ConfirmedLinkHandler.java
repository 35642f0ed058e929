package org.vigi2fa.link;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.LoginActionsService;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;

/**
 * An emailed link whose change needs a confirm: a GET (a person, or a mail scanner) only shows what confirming does;
 * the confirm button POSTs, and only that POST claims the link's single use ({@link ActionTokenClaim}) and applies
 * the change. Twins of a confirm from the same browser (a double-click, a resubmit, a reload) see the done page;
 * another browser hears "already used". The link signs in nobody: its session starts over at the password.
 */
public abstract class ConfirmedLinkHandler<T extends DefaultActionToken> extends AbstractActionTokenHandler<T> {

    private final ActionTokenClaim claim;
    private final EventType eventType;
    private final String usedMessage;

    protected ConfirmedLinkHandler(String tokenType, Class<T> tokenClass, EventType eventType, Texts texts) {
        super(tokenType, tokenClass, texts.staleMessage(), eventType, Errors.INVALID_TOKEN);
        this.claim = new ActionTokenClaim(texts.claimPrefix());
        this.eventType = eventType;
        this.usedMessage = texts.usedMessage();
    }

    /** A link's ids: its single-use prefix, the stale and the used link's messages. */
    public record Texts(String claimPrefix, String staleMessage, String usedMessage) {
    }

    /** What the confirm page says will happen (and asks for, if anything). */
    protected abstract Response confirmPage(ActionTokenContext<T> tokenContext, T token, UserModel user);

    /** What happened, and the way on. */
    protected abstract Response donePage(ActionTokenContext<T> tokenContext, UserModel user);

    /** The change itself, in the confirm's transaction, after its single use was claimed. */
    protected abstract void apply(ActionTokenContext<T> tokenContext, T token, UserModel user, EventBuilder event);

    /** The link's event, with its details; the base adds the type and the user. */
    protected abstract EventBuilder describe(EventBuilder event, T token);

    /** Why this confirm may not apply (e.g. a wrong password), as the page to show; null to go on. */
    protected Response refusal(ActionTokenContext<T> tokenContext, T token, UserModel user, MultivaluedMap<String, String> form,
            EventBuilder event) {
        return null;
    }

    /** The link's own checks, after "used, unless by this browser". */
    protected List<Predicate<? super T>> linkChecks(ActionTokenContext<T> tokenContext) {
        return List.of();
    }

    /** Whether this link was used already (by anyone), or is being used by a confirm in flight. */
    protected final boolean taken(ActionTokenContext<T> tokenContext, T token) {
        return claim.taken(tokenContext.getSession(), token);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final Predicate<? super T>[] getVerifiers(ActionTokenContext<T> tokenContext) {
        List<Predicate<? super T>> checks = new ArrayList<>();
        // used, unless by this very browser (a double-click, a resubmit): that one sees the done page again
        checks.add(TokenUtils.checkThat(t -> !taken(tokenContext, t) || claim.confirmedIn(tokenContext, t), Errors.EXPIRED_CODE, usedMessage));
        checks.addAll(linkChecks(tokenContext));
        return checks.toArray(Predicate[]::new);
    }

    /**
     * Always, so Keycloak's own "used" check does not run: the single use is this handler's atomic claim, made on every
     * confirm before anything changes. Keycloak's check would race it: a confirm that passed {@link #getVerifiers} just
     * before another one claimed the link would then hear Keycloak's generic "Action expired" instead of "already used".
     */
    @Override
    public final boolean canUseTokenRepeatedly(T token, ActionTokenContext<T> tokenContext) {
        return true;
    }

    @Override
    public final Response handleToken(T token, ActionTokenContext<T> tokenContext) {
        UserModel user = user(tokenContext, token.getUserId());
        EventBuilder event = describe(tokenContext.getEvent().event(eventType).user(user), token);
        // Keycloak only consumes the key when a login finishes; this handler consumes it itself, on confirm.
        tokenContext.getAuthenticationSession().removeAuthNote(AuthenticationManager.INVALIDATE_ACTION_TOKEN);
        if (claim.confirmedIn(tokenContext, token)) {
            return donePage(tokenContext, user);
        }
        MultivaluedMap<String, String> form = HttpMethod.POST.equals(tokenContext.getRequest().getHttpMethod())
                ? tokenContext.getRequest().getDecodedFormParameters() : null;
        if (form == null || form.getFirst(VigiIds.FIELD_CONFIRM) == null) {
            return confirmPage(tokenContext, token, user);
        }
        // A twin of this confirm from the same browser waits for it, and shows the done page once it committed.
        OncePerBrowser.Work work = claim.confirmIn(tokenContext, token).begin(tokenContext.getSession());
        if (work == null) {
            return donePage(tokenContext, user);
        }
        Response refused = taken(tokenContext, token) ? null : refusal(tokenContext, token, user, form, event);
        if (refused != null) {
            return refused;
        }
        if (!claim.claim(tokenContext.getSession(), token)) {
            event.clone().error(Errors.EXPIRED_CODE);
            return LinkPages.error(tokenContext, usedMessage);
        }
        apply(tokenContext, token, user, event);
        work.succeeded();
        // The session is reset rather than removed, so confirms still in flight from this browser find it.
        AuthenticationProcessor.resetFlow(tokenContext.getAuthenticationSession(), LoginActionsService.AUTHENTICATE_PATH);
        return donePage(tokenContext, user);
    }

    /**
     * The user the link is for: the one of the authentication session, or the token's own when a confirm of the same
     * browser already reset that session (its twins then only show the done page).
     */
    protected static UserModel user(ActionTokenContext<?> tokenContext, String tokenUserId) {
        UserModel user = tokenContext.getAuthenticationSession().getAuthenticatedUser();
        return user != null ? user : tokenContext.getSession().users().getUserById(tokenContext.getRealm(), tokenUserId);
    }
}
