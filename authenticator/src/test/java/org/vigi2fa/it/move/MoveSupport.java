package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** One signed-in browser's walk through "move to a new phone", and what the tests read after it. */
final class MoveSupport {

    static final String ACTION = "vigi-2fa-move";
    static final String PAGE_PROVE = "login-vigi-2fa-move-prove";
    static final String PAGE_SCAN = "login-vigi-2fa-move-scan";
    static final String PROVE_FORM = "#vigi-move-prove-form";
    static final String SCAN_FORM = "#vigi-move-scan-form";
    static final String MAIL_SUBJECT = "moved to a new phone";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MoveSupport() {
    }

    /** The application's kc_action request for the move, in the signed-in browser. */
    static OAuth.AuthRequest request(SignedIn signedIn) {
        return signedIn.oauth().authRequest(signedIn.client(), "kc_action", ACTION);
    }

    /** Opens the move in the signed-in browser: the page asking for the password and the old code. */
    static Page start(SignedIn signedIn, OAuth.AuthRequest request) {
        Page page = signedIn.browser().get(request.url());
        Flows.assertPage(page, PAGE_PROVE);
        return page;
    }

    static Page prove(WebSession browser, Page provePage, String password, String proof) {
        Flows.assertPage(provePage, PAGE_PROVE);
        return browser.submit(provePage.form(PROVE_FORM), Map.of("password", password, "proof", proof));
    }

    /** Password and the old phone's code (or a recovery code): the new phone's page. */
    static Page toScan(SignedIn signedIn, OAuth.AuthRequest request, TestUser user, String proof) {
        Page scan = prove(signedIn.browser(), start(signedIn, request), user.password(), proof);
        Flows.assertPage(scan, PAGE_SCAN);
        return scan;
    }

    static Page newCode(WebSession browser, Page scanPage, String code) {
        Flows.assertPage(scanPage, PAGE_SCAN);
        return browser.submit(scanPage.form(SCAN_FORM), Map.of("otp", code));
    }

    static Page cancel(WebSession browser, Page page, String formCss) {
        return browser.submit(page.form(formCss), Map.of("cancel-aia", "true"));
    }

    /** The new phone after scanning the page: the codes of the key it shows. */
    static Totp newPhone(Page scanPage) {
        Element secret = scanPage.document().selectFirst("#vigi-secret");
        assertTrue(secret != null, "no #vigi-secret on " + scanPage);
        return Totp.ofBase32(secret.text());
    }

    static void assertBackAtApp(Page end, OAuth.AuthRequest request, String status) {
        assertTrue(end.isRedirect(), "expected the way back to the application, got " + end + ": " + end.text());
        assertEquals(request.state(), end.redirectParams().get("state"), end.redirect());
        assertEquals(status, end.redirectParams().get("kc_action_status"), end.redirect());
    }

    /** Whether this code signs the user in, in a fresh browser (a refused code counts toward the lockout). */
    static boolean codeSignsIn(VigiEnvironment env, TestUser user, String code) {
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        Page end = Flows.code(browser, Flows.codePage(browser, request, user), code);
        if (!end.isRedirect()) {
            Flows.assertPage(end, Flows.CODE_PAGE);
        }
        return end.isRedirect();
    }

    /** The user's events of this type whose vigi_2fa detail is the given value. */
    static List<EventRepresentation> events(VigiEnvironment env, String userId, String type, String vigiDetail) {
        List<EventRepresentation> found = new ArrayList<>();
        for (EventRepresentation event : env.realm().getEvents(List.of(type), null, userId, null, null, null, 0, 500)) {
            if (event.getDetails() != null && vigiDetail.equals(event.getDetails().get("vigi_2fa"))) {
                found.add(event);
            }
        }
        return found;
    }

    /** The kinds of the user's security-activity rows, newest first (the administrators' read). */
    static List<String> activityKinds(VigiEnvironment env, String userId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(env.realmUrl() + "/vigi-2fa-activity/users/" + userId))
                .header("Authorization", "Bearer " + env.admin().tokenManager().getAccessTokenString()).GET().build();
        HttpResponse<String> response = Blocking.call(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, response.statusCode(), response.body());
        List<String> kinds = new ArrayList<>();
        Blocking.call(() -> JSON.readTree(response.body())).forEach(row -> kinds.add(row.path("kind").asText()));
        return kinds;
    }
}
