package org.vigi2fa.lostphone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message key the lost-phone and disable templates and providers use exists, translated, in all six bundles. */
class LostPhoneMessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/theme-resources/templates");
    private static final List<String> OWN_TEMPLATES = List.of("vigi-2fa-lost-sent.ftl", "vigi-2fa-lost-confirm.ftl",
            "vigi-2fa-lost-done.ftl", "vigi-2fa-disable.ftl", "html/vigi-2fa-lost-link.ftl", "text/vigi-2fa-lost-link.ftl");
    /** Keys set from Java code (errors, subjects). */
    private static final Set<String> CODE_KEYS = Set.of("vigi2faLostLinkSubject", "vigi2faLostPhoneWait", "vigi2faLostPhoneMailFailed",
            "vigi2faLocked", "vigi2faLinkStale", "vigi2faLinkUsed", "vigi2faPasswordWrong", "vigi2faDisableNotOn",
            "vigi2faCodeWrong", "vigi2faCodeFormat", "vigi2faCodeMissing");
    /** Keycloak's own keys the templates reuse. */
    private static final Set<String> KEYCLOAK_KEYS = Set.of("password", "doCancel");

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "de", "es", "fr", "zh_CN"})
    void everyKeyIsInTheBundle(String language) throws IOException {
        Properties bundle = bundle(language);
        Properties english = bundle("en");
        for (String key : keys()) {
            String value = bundle.getProperty(key);
            assertTrue(value != null && !value.isBlank(), key + " missing in messages_" + language);
            if (!language.equals("en") && !key.equals("vigi2faLostConfirmMail")) {
                assertFalse(value.equals(english.getProperty(key)), key + " is not translated in messages_" + language);
            }
        }
    }

    private static Set<String> keys() throws IOException {
        Set<String> keys = new TreeSet<>(CODE_KEYS);
        Pattern msg = Pattern.compile("msg\\(\"([A-Za-z0-9_.]+)\"");
        for (String template : OWN_TEMPLATES) {
            Matcher matcher = msg.matcher(Files.readString(TEMPLATES.resolve(template), StandardCharsets.UTF_8));
            while (matcher.find()) {
                if (!KEYCLOAK_KEYS.contains(matcher.group(1))) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/theme-resources/messages/messages_" + language + ".properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
