package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps the recovery-code tests share: the code page's new option, the codes page, the manage page. */
final class RecoverySupport {

    static final String ACTION = "vigi-2fa-recovery-codes";
    static final String PAGE_INPUT = "login-vigi-2fa-recovery-code";
    static final String PAGE_CODES = "login-vigi-2fa-recovery-codes";
    static final String PAGE_MANAGE = "login-vigi-2fa-recovery-manage";
    static final String WRONG = "This recovery code is not right or was used already.";
    static final String MALFORMED = "A recovery code is 16 letters and digits";
    static final String SETTING = "recoveryCodes";

    private RecoverySupport() {
    }

    /** A user with 2FA and {@code count} recovery codes. */
    static Seeded user(VigiEnvironment env, String prefix, int count) {
        EnrolledUser enrolled = env.newUserWithOtp(prefix);
        return new Seeded(enrolled, RecoverySeed.give(env, enrolled.user().id(), count));
    }

    record Seeded(EnrolledUser enrolled, RecoverySeed codes) {

        /** Signed in to VMS Cloud with password and the current code (the SSO session later actions use). */
        SignedIn signedIn(VigiEnvironment env) {
            return SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        }
    }

    /** "Use a recovery code" on the code page; returns the recovery-code page. */
    static Page useRecoveryCode(WebSession browser, Page codePage) {
        Flows.assertPage(codePage, Flows.CODE_PAGE);
        Page input = browser.submit(codePage.form("#vigi-recovery-use-form"), Map.of());
        Flows.assertPage(input, PAGE_INPUT);
        return input;
    }

    static Page submit(WebSession browser, Page inputPage, String code) {
        Flows.assertPage(inputPage, PAGE_INPUT);
        return browser.submit(inputPage.form("#vigi-recovery-form"), Map.of("recoveryCodeInput", code));
    }

    /** Password, "Use a recovery code", the code: the page it ends on. */
    static Page signIn(WebSession browser, OAuth.AuthRequest request, TestUser user, String code) {
        return submit(browser, useRecoveryCode(browser, Flows.codePage(browser, request, user)), code);
    }

    /** The codes shown on the codes page, without the dashes. */
    static List<String> shownCodes(Page codesPage) {
        Flows.assertPage(codesPage, PAGE_CODES);
        List<String> codes = codesPage.document().select("#vigi-recovery-codes li").stream()
                .map(Element::text).map(c -> c.replace("-", "")).toList();
        assertEquals(12, codes.size(), "a set is 12 codes: " + codes);
        return codes;
    }

    /** The manage page's "generate new codes" with the proof: the password and an authenticator or recovery code. */
    static Page generate(WebSession browser, Page manage, String password, String second) {
        return browser.submit(manage.form("#vigi-recovery-manage-form"), Map.of("password", password, "second", second, "generate", "true"));
    }

    /** Ticks "I saved them" and submits. */
    static Page saved(WebSession browser, Page codesPage) {
        return browser.submit(codesPage.form("#vigi-recovery-codes-form"), Map.of("saved", "on"));
    }

    static void assertBackAtClient(Page end) {
        assertTrue(end.isRedirect() && end.redirectParams().containsKey("code"), "back at the client: " + end + " " + end.text());
    }

    /** Runs the body with the recovery-code setting changed, restoring the previous settings after. */
    static void withSetting(VigiEnvironment env, String value, Runnable body) {
        VigiSettings.with(env, Map.of(SETTING, value), body);
    }

    static List<EventRepresentation> events(VigiEnvironment env, String userId, String type, String vigiDetail) {
        return env.realm().getEvents(List.of(type), null, userId, null, null, null, 0, 200).stream()
                .filter(e -> e.getDetails() != null && vigiDetail.equals(e.getDetails().get("vigi_2fa"))).toList();
    }

    /** The kc_action request of a client in a browser that is signed in already. */
    static OAuth.AuthRequest action(VigiEnvironment env, VigiClient client, String kcAction) {
        return new OAuth(env.realmUrl()).authRequest(client, "kc_action", kcAction);
    }

    /** Codes left in the user's stored set, as its credential data says (Keycloak writes remainingCodes, reads both). */
    static int left(VigiEnvironment env, String userId) {
        List<org.keycloak.representations.idm.CredentialRepresentation> stored = RecoverySeed.stored(env, userId);
        assertEquals(1, stored.size(), "one set of recovery codes");
        Matcher m = Pattern.compile("\"remaining(?:Codes)?\"\\s*:\\s*(\\d+)").matcher(stored.get(0).getCredentialData());
        assertTrue(m.find(), stored.get(0).getCredentialData());
        return Integer.parseInt(m.group(1));
    }

    /**
     * Arms the test-support provider: the user's next sign-in rolls back after the code was checked (on every node).
     * Aborts the test (reported as skipped) on a server without the test-support provider.
     */
    static void rollBackNextSignIn(VigiEnvironment env, String userId) throws IOException, InterruptedException {
        if (!env.canMoveClock()) {
            throw new org.opentest4j.TestAbortedException("forces a rollback: needs the test-support provider");
        }
        for (String node : env.nodes()) {
            HttpRequest arm = HttpRequest.newBuilder(URI.create(node + "/realms/" + VigiEnvironment.REALM
                    + "/vigi-test-rollback/next-login/" + userId)).PUT(HttpRequest.BodyPublishers.noBody()).build();
            assertEquals(204, HttpClient.newHttpClient().send(arm, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }
}
