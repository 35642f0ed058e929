package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.login.LoginSupport.INVALID_CODE;
import static org.vigi2fa.it.login.LoginSupport.MALFORMED_CODE;
import static org.vigi2fa.it.login.LoginSupport.MISSING_CODE;
import static org.vigi2fa.testing.Flows.assertRefused;
import static org.vigi2fa.testing.Flows.codePage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Bad input on the code form: never a 5xx, never a sign-in, always a clear message. Each case has its own user
 * (a bad code is a failed attempt for Keycloak's brute-force protection, and a lockout would mask the answer).
 */
@VigiTest
class CodeFormBadInputIT {

    /** Any message is fine for forged protocol fields, as long as there is one (Keycloak's own pages). */
    private static final String ANY_MESSAGE = "";

    @ParameterizedTest(name = "otp=[{0}]")
    @MethodSource("typedValues")
    void typedValue(String label, String value, String expected, VigiEnvironment env) {
        Case c = Case.open(env);
        Page page = c.browser.submit(c.form(), Map.of("otp", value));
        assertClear(page, expected);
    }

    static Stream<Arguments> typedValues() {
        List<Arguments> cases = new ArrayList<>();
        for (String blank : new String[] {"", " ", "      ", "\t", "\u3000", "\u00a0\u00a0"}) {
            cases.add(Arguments.of(visible(blank), blank, MISSING_CODE));
        }
        String digits = "123456789012";
        for (int length = 1; length <= 12; length++) {
            if (length != 6) {
                cases.add(Arguments.of(length + " digits", digits.substring(0, length), MALFORMED_CODE));
            }
        }
        for (String bad : new String[] {"abcdef", "ABCDEF", "12345O", "l23456", "+12345", "-12345", "+123456", "-123456",
                "12.345", "1e5", "0x1F3A", "123-456", "12,345", "\u0661\u0662\u0663\u0664\u0665", "\uff11\uff12\uff13\uff14\uff15\uff16\uff17",
                "\u00b9\u00b2\u00b3456", "\u2460\u2461\u2462\u2463\u2464\u2465", "12345\u0000", "\u0000", "<script>alert(1)</script>",
                "<b>123456</b>", "' OR '1'='1", "%00", "\ud83d\ude00\ud83d\ude00\ud83d\ude00", "\u200b123456", "\u202e654321",
                "1".repeat(1000)}) {
            cases.add(Arguments.of(visible(bad), bad, MALFORMED_CODE));
        }
        return cases.stream();
    }

    /** Well-formed but wrong codes, also in other digit scripts: Keycloak's answer for a wrong code. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCodes")
    void wellFormedWrongCode(String label, BiFunction<String, Integer, String> spell, VigiEnvironment env) {
        Case c = Case.open(env);
        Page page = c.browser.submit(c.form(), Map.of("otp", spell.apply(c.user.totp().wrongNow(), 0)));
        assertClear(page, INVALID_CODE);
    }

    static Stream<Arguments> wrongCodes() {
        return Stream.of(
                Arguments.of("ASCII", (BiFunction<String, Integer, String>) (code, x) -> code),
                Arguments.of("Arabic-Indic", (BiFunction<String, Integer, String>) (code, x) -> script(code, 0x0660)),
                Arguments.of("full-width", (BiFunction<String, Integer, String>) (code, x) -> script(code, 0xff10)),
                Arguments.of("spaced", (BiFunction<String, Integer, String>) (code, x) -> code.substring(0, 3) + " " + code.substring(3)));
    }

    @Test
    void rightCodeInArabicIndicOrFullWidthDigitsOrSpacedSignsIn(VigiEnvironment env) {
        for (BiFunction<String, Integer, String> spell : List.<BiFunction<String, Integer, String>>of(
                (code, x) -> script(code, 0x0660), (code, x) -> script(code, 0xff10), (code, x) -> " " + code.substring(0, 3) + " " + code.substring(3) + " ")) {
            Case c = Case.open(env);
            Page page = c.browser.submit(c.form(), Map.of("otp", spell.apply(c.user.totp().now(), 0)));
            assertEquals(200, Flows.tokens(c.oauth, c.request, page).get("status").asInt(), page.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawBodies")
    void rawBody(String label, BiFunction<Case, String, String> body, String expected, VigiEnvironment env) {
        Case c = Case.open(env);
        Page page = c.browser.postRaw(c.action(), body.apply(c, c.user.totp().now()));
        assertClear(page, expected);
    }

    static Stream<Arguments> rawBodies() {
        return Stream.of(
                Arguments.of("no otp field", raw((c, right) -> "login="), MISSING_CODE),
                Arguments.of("empty body", raw((c, right) -> ""), MISSING_CODE),
                Arguments.of("2000-digit otp", raw((c, right) -> "otp=" + "1".repeat(2000)), MALFORMED_CODE),
                Arguments.of("second otp (wrong, right)", raw((c, right) -> "otp=" + c.user.totp().wrongNow() + "&otp=" + right), MALFORMED_CODE),
                Arguments.of("second otp (right, right)", raw((c, right) -> "otp=" + right + "&otp=" + right), MALFORMED_CODE),
                Arguments.of("invalid UTF-8", raw((c, right) -> "otp=%C3%28%C3%28%C3%28"), MALFORMED_CODE),
                Arguments.of("forged selectedCredentialId", raw((c, right) -> "otp=" + right + "&selectedCredentialId=" + UUID.randomUUID()), INVALID_CODE));
    }

    /** Past the server's form limits (Quarkus: 2 KB per field) the request never reaches Keycloak: a 413 with its reason. */
    @Test
    void oneMegabyteBodyIsRefusedBeforeKeycloak(VigiEnvironment env) {
        Case c = Case.open(env);
        Page page = c.browser.postRaw(c.action(), "otp=" + "1".repeat(1 << 20));
        assertEquals(413, page.status(), page.toString());
        assertFalse(page.isRedirect());
        assertTrue(page.body().contains("Request Entity Too Large"), page.body());
    }

    @Disabled("Keycloak 26.7.3 answers 500 for a form body with broken percent-encoding (otp=%ZZ%): RESTEasy Reactive's "
            + "FormBodyHandler throws before any Keycloak code or provider runs, on every Keycloak form alike; no sign-in happens")
    @Test
    void brokenPercentEncoding(VigiEnvironment env) {
        Case c = Case.open(env);
        assertClear(c.browser.postRaw(c.action(), "otp=%ZZ%"), ANY_MESSAGE);
    }

    /** Forged protocol fields in the form's action URL: Keycloak's answer, never a sign-in. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedQueries")
    void forgedActionUrl(String label, String param, String value, VigiEnvironment env) {
        Case c = Case.open(env);
        String action = c.action();
        String forged = value == null ? removeParam(action, param) : replaceParam(action, param, value);
        Page page = c.browser.post(forged, Map.of("otp", c.user.totp().now()));
        assertClear(page, ANY_MESSAGE);
    }

    static Stream<Arguments> forgedQueries() {
        return Stream.of(
                Arguments.of("forged execution", "execution", UUID.randomUUID().toString()),
                Arguments.of("forged tab_id", "tab_id", "AAAAAAAAAAA"),
                Arguments.of("forged session_code", "session_code", "forged-session-code"),
                Arguments.of("other client_id", "client_id", VigiClient.VMS_LOCAL.clientId),
                Arguments.of("no session_code", "session_code", null),
                Arguments.of("no execution", "execution", null),
                Arguments.of("no tab_id", "tab_id", null));
    }

    private static void assertClear(Page page, String expected) {
        assertTrue(page.status() < 500, "no server error: " + page);
        assertFalse(page.isRedirect(), "no sign-in: " + page);
        assertFalse(page.body().contains("<script>alert(1)"), "input is never echoed as markup");
        if (expected.isEmpty()) {
            String message = page.messages().isBlank() ? page.document().select("#kc-page-title, h1").text() : page.messages();
            assertFalse(message.isBlank(), "a clear message: " + page + " " + page.text());
        } else {
            assertRefused(page, expected);
            assertEquals(Flows.CODE_PAGE, page.pageId(), "the user stays on the code page");
        }
    }

    private static BiFunction<Case, String, String> raw(BiFunction<Case, String, String> body) {
        return body;
    }

    private static String script(String asciiDigits, int zero) {
        StringBuilder out = new StringBuilder();
        asciiDigits.chars().forEach(d -> out.appendCodePoint(zero + (d - '0')));
        return out.toString();
    }

    private static String visible(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(24).forEach(cp -> out.append(cp < 0x20 || cp > 0x7e ? String.format("U+%04X", cp) : String.valueOf((char) cp)));
        return value.length() > 24 ? out + "...(" + value.length() + ")" : out.toString();
    }

    private static String replaceParam(String url, String name, String value) {
        return url.replaceAll("([?&]" + name + "=)[^&]*", "$1" + OAuth.urlEncode(value));
    }

    private static String removeParam(String url, String name) {
        String stripped = url.replaceAll("([?&])" + name + "=[^&]*&?", "$1");
        return stripped.endsWith("&") || stripped.endsWith("?") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** One enrolled user's browser on the code page. */
    record Case(EnrolledUser user, WebSession browser, OAuth oauth, OAuth.AuthRequest request, Page codePage) {

        static Case open(VigiEnvironment env) {
            EnrolledUser user = env.newUserWithOtp("bad");
            Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
            return new Case(user, visit.browser(), visit.oauth(), visit.request(), visit.codePage(user.user()));
        }

        Element form() {
            return codePage.form("#kc-otp-login-form");
        }

        String action() {
            String action = form().absUrl("action");
            URI.create(action);
            return action;
        }
    }
}
