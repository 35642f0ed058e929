package org.vigi2fa;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message key exists in every language the product ships, in both directions. */
class MessageBundlesTest {

    private static final String DIR = "/theme-resources/messages/";
    /** The VIGI account theme's own bundle (on top of keycloak.v3's). */
    private static final String ACCOUNT_DIR = "/theme/vigi/account/messages/";
    /** The VIGI login theme's own bundle: Keycloak's pages (sign out) in the product's words. */
    private static final String LOGIN_DIR = "/theme/vigi/login/messages/";

    @ParameterizedTest
    @ValueSource(strings = {"ru", "de", "es", "fr", "zh_CN"})
    void bundleHasExactlyTheEnglishKeys(String language) {
        assertSameKeys(DIR, language);
        assertSameKeys(ACCOUNT_DIR, language);
        assertSameKeys(LOGIN_DIR, language);
    }

    private static void assertSameKeys(String dir, String language) {
        Set<String> english = keys(dir, "en");
        Set<String> other = keys(dir, language);

        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(other);
        assertTrue(missing.isEmpty(), dir + "messages_" + language + " misses " + missing);

        Set<String> extra = new TreeSet<>(other);
        extra.removeAll(english);
        assertTrue(extra.isEmpty(), dir + "messages_en misses " + extra + " found in messages_" + language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "de", "es", "fr", "zh_CN"})
    void noValueIsBlank(String language) {
        for (String dir : new String[] {DIR, ACCOUNT_DIR, LOGIN_DIR}) {
            Properties bundle = load(dir, language);
            Set<String> blank = new TreeSet<>();
            bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).isBlank()).forEach(blank::add);
            assertTrue(blank.isEmpty(), dir + "messages_" + language + " has empty values for " + blank);
        }
    }

    private static Set<String> keys(String dir, String language) {
        return new TreeSet<>(load(dir, language).stringPropertyNames());
    }

    private static Properties load(String dir, String language) {
        String path = dir + "messages_" + language + ".properties";
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " is missing");
            Properties properties = new Properties();
            // Keycloak 26 reads bundles as UTF-8.
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
