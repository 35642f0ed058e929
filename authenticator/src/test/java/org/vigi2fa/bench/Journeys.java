package org.vigi2fa.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.vigi2fa.bench.BenchRealms.Flow;
import org.vigi2fa.bench.BenchUsers.BenchUser;
import org.vigi2fa.testing.Totp;

/**
 * The browser journeys the benchmark drives: a login per flow (authorization request to the redirect that carries
 * the authorization code) and an enrolment per 2FA flavour (kc_action on a fresh login).
 */
final class Journeys {

    static final String CLIENT_ID = "vms-cloud";
    static final String REDIRECT_URI = "http://localhost:3000/callback";
    /** A valid S256 challenge; the benchmark never redeems the code, so its verifier is not needed. */
    private static final String CODE_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final AtomicLong STATE = new AtomicLong();

    private Journeys() {
    }

    static String authUrl(String baseUrl, String realm, String kcAction) {
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&redirect_uri=" + java.net.URLEncoder.encode(REDIRECT_URI, java.nio.charset.StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&state=s" + STATE.incrementAndGet()
                + "&code_challenge=" + CODE_CHALLENGE + "&code_challenge_method=S256"
                + (kcAction == null ? "" : "&kc_action=" + kcAction);
    }

    /** Login page, username + password, and (2FA flows) the code page; ends at the redirect with the code. */
    static ClosedLoop.Journey login(String baseUrl, Flow flow, UserPool pool) {
        return (session, steps) -> {
            UserPool.Lease lease = pool.take();
            if (lease == null) {
                return false;
            }
            BenchUser user = lease.user();
            BenchSession.Response page = session.get(authUrl(baseUrl, flow.realm, null));
            String action = require(page, "kc-form-login");
            long s = System.nanoTime();
            BenchSession.Response afterPassword = session.post(action,
                    Map.of("username", user.username(), "password", BenchUsers.PASSWORD, "credentialId", ""));
            steps.passwordStep.add((System.nanoTime() - s) / 1e6);
            if (flow == Flow.PASSWORD) {
                requireCode(afterPassword);
                return true;
            }
            String codeAction = require(afterPassword, "kc-otp-login-form");
            Map<String, String> fields = new LinkedHashMap<>();
            String selected = afterPassword.inputValue("selectedCredentialId");
            if (selected != null) {
                fields.put("selectedCredentialId", selected);
            }
            fields.put("otp", lease.code());
            s = System.nanoTime();
            BenchSession.Response end = session.post(codeAction, fields);
            steps.codeStep.add((System.nanoTime() - s) / 1e6);
            requireCode(end);
            return true;
        };
    }

    /** Keycloak's own enrolment: kc_action=CONFIGURE_TOTP, sign in, scan (secret from the page), code. */
    static ClosedLoop.Journey builtinEnrolment(String baseUrl, String realm, UserPool pool, EnrolLog log) {
        return (session, steps) -> {
            UserPool.Lease lease = pool.take();
            if (lease == null) {
                return false;
            }
            BenchUser user = lease.user();
            BenchSession.Response page = signIn(session, baseUrl, realm, "CONFIGURE_TOTP", user, steps);
            long s = System.nanoTime();
            Document setup = parse(page, "login-login-config-totp");
            String secret = setup.getElementById("totpSecret").attr("value");
            BenchSession.Response end = submit(session, setup, "kc-totp-settings-form", null,
                    Map.of("totp", Totp.ofKey(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)).now(), "userLabel", "bench"));
            steps.codeStep.add((System.nanoTime() - s) / 1e6);
            requireCode(end);
            log.enrolled(user);
            return true;
        };
    }

    /** Ours: kc_action=vigi-2fa-enable, sign in, confirm, password again, scan (secret from #vigi-secret), code. */
    static ClosedLoop.Journey vigiEnrolment(String baseUrl, String realm, UserPool pool, EnrolLog log) {
        return (session, steps) -> {
            UserPool.Lease lease = pool.take();
            if (lease == null) {
                return false;
            }
            BenchUser user = lease.user();
            BenchSession.Response page = signIn(session, baseUrl, realm, "vigi-2fa-enable", user, steps);
            long s = System.nanoTime();
            Document confirm = parse(page, "login-vigi-2fa-enable-confirm");
            BenchSession.Response password = submit(session, confirm, "vigi-enable-confirm-form", "vigi-continue", Map.of());
            Document passwordPage = parse(password, "login-vigi-2fa-enable-password");
            BenchSession.Response scan = submit(session, passwordPage, "vigi-password-form", "vigi-password-submit",
                    Map.of("password", BenchUsers.PASSWORD));
            Document scanPage = parse(scan, "login-vigi-2fa-enable-scan");
            Element secret = scanPage.getElementById("vigi-secret");
            if (secret == null || scanPage.getElementById("vigi-qr") == null) {
                throw new IllegalStateException("scan page without #vigi-secret or #vigi-qr");
            }
            BenchSession.Response end = submit(session, scanPage, "vigi-scan-form", "vigi-verify",
                    Map.of("otp", Totp.ofBase32(secret.text().replaceAll("\\s", "")).now()));
            steps.codeStep.add((System.nanoTime() - s) / 1e6);
            requireCode(end);
            log.enrolled(user);
            return true;
        };
    }

    /** Users who enrolled in a block; their OTP credential is removed between blocks so they can enrol again. */
    interface EnrolLog {
        void enrolled(BenchUser user);
    }

    private static BenchSession.Response signIn(BenchSession session, String baseUrl, String realm, String kcAction,
                                                BenchUser user, ClosedLoop.Steps steps) {
        BenchSession.Response page = session.get(authUrl(baseUrl, realm, kcAction));
        String action = require(page, "kc-form-login");
        long s = System.nanoTime();
        BenchSession.Response after = session.post(action,
                Map.of("username", user.username(), "password", BenchUsers.PASSWORD, "credentialId", ""));
        steps.passwordStep.add((System.nanoTime() - s) / 1e6);
        return after;
    }

    static Document parse(BenchSession.Response page, String pageId) {
        if (page.leftServer() || !pageId.equals(page.pageId())) {
            throw new IllegalStateException("expected " + pageId + " but got HTTP " + page.status() + " page '"
                    + page.pageId() + "'" + (page.leftServer() ? " redirect " + page.leavingRedirect() : ""));
        }
        return Jsoup.parse(page.body());
    }

    /** Posts a form: its hidden inputs, the named submit button if it has a name, then {@code fields}. */
    static BenchSession.Response submit(BenchSession session, Document page, String formId, String buttonId,
                                        Map<String, String> fields) {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new IllegalStateException("no #" + formId + " on the page");
        }
        Map<String, String> body = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden][name]")) {
            body.put(input.attr("name"), input.attr("value"));
        }
        Element button = buttonId == null ? null : page.getElementById(buttonId);
        if (button != null && button.hasAttr("name")) {
            body.put(button.attr("name"), button.attr("value"));
        }
        body.putAll(fields);
        return session.post(form.attr("action"), body);
    }

    private static String require(BenchSession.Response page, String formId) {
        String action = page.leftServer() ? null : page.formAction(formId);
        if (action == null) {
            throw new IllegalStateException("no #" + formId + " (HTTP " + page.status() + ", page '" + page.pageId() + "'"
                    + (page.leftServer() ? ", redirect " + page.leavingRedirect() : "") + ")");
        }
        return action;
    }

    private static void requireCode(BenchSession.Response end) {
        if (!end.leftServer() || !end.leavingRedirect().startsWith(REDIRECT_URI) || !end.leavingRedirect().contains("code=")) {
            throw new IllegalStateException("no authorization code: HTTP " + end.status() + " page '" + end.pageId() + "'"
                    + (end.leftServer() ? " redirect " + end.leavingRedirect() : ""));
        }
    }
}
