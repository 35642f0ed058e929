package org.vigi2fa.it.browser;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;

import org.vigi2fa.testing.browser.Browser;

/**
 * What every page of the walk must say, and how its code field must behave: the page is in the language asked for,
 * shows none of Keycloak's stock texts the product replaces (copied from Keycloak's own bundles) and no unresolved
 * message key, and a code field follows the one rule of every VIGI code field, in the product's words.
 */
final class PageVoice {

    /** Keycloak's texts for a wrong or missing code, the new password after a report, and signing out. */
    private static final Map<String, List<String>> STOCK = Map.of(
            "en", List.of("Invalid authenticator code.", "Please specify authenticator code.",
                    "You need to change your password to activate your account.", "Do you want to log out?", "Logging out"),
            "de", List.of("Ungültiger One-time Code.", "Bitte geben Sie den One-time Code ein.",
                    "Sie müssen Ihr Passwort ändern, um das Benutzerkonto zu aktivieren.", "Wollen Sie sich abmelden?"),
            "zh-CN", List.of("无效的验证码", "请输入验证码", "您需要更新您的密码来激活您的账户。", "您确定要注销吗？"));

    private PageVoice() {
    }

    static void assertOwnWords(Browser browser, String language) {
        String where = browser.url() + " (" + browser.pageId() + ")";
        String lang = String.valueOf(browser.js("return document.documentElement.lang;"));
        if (!lang.equalsIgnoreCase(language)) {
            throw new AssertionError(where + " is in '" + lang + "', not " + language);
        }
        String text = String.valueOf(browser.js("return document.body ? document.body.innerText : '';"));
        for (String stock : STOCK.get(language)) {
            if (text.contains(stock)) {
                throw new AssertionError(where + " shows Keycloak's \"" + stock + "\": " + browser.bodyText());
            }
        }
        if (text.matches("(?s).*\\bvigi2fa[A-Z]\\w*.*")) {
            throw new AssertionError(where + " shows an unresolved message key: " + browser.bodyText());
        }
        if (browser.has("input[name=otp]")) {
            assertCodeField(browser, where, language);
        }
    }

    /** The code field's keyboard, autofill and rule (guard/CodeInput: spaces, any script's digits, the policy's 6). */
    private static void assertCodeField(Browser browser, String where, String language) {
        @SuppressWarnings("unchecked")
        Map<String, Object> field = (Map<String, Object>) browser.js("const e = document.querySelector('input[name=otp]');"
                + "const fits = v => { const c = e.cloneNode(); c.value = v; return !c.validity.patternMismatch; };"
                + "return {inputmode: e.inputMode, autocomplete: e.autocomplete, title: e.title,"
                + " spaced: fits('123 456'), arabic: fits('\\u0661\\u0662\\u0663\\u0664\\u0665\\u0666'),"
                + " letters: fits('12ab56'), short: fits('12345')};");
        String title = new MessageFormat(Bundles.of(language.replace('-', '_')).getProperty("vigi2faCodeFormat"))
                .format(new Object[0]);
        Map<String, Object> expected = Map.of("inputmode", "numeric", "autocomplete", "one-time-code", "title", title,
                "spaced", true, "arabic", true, "letters", false, "short", false);
        if (!expected.equals(field)) {
            throw new AssertionError(where + ": the code field is " + field + ", every code field is " + expected);
        }
    }
}
