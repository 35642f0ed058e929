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

    @ParameterizedTest
    @ValueSource(strings = {"ru", "de", "es", "fr", "zh_CN"})
    void bundleHasExactlyTheEnglishKeys(String language) {
        Set<String> english = keys("en");
        Set<String> other = keys(language);

        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(other);
        assertTrue(missing.isEmpty(), "messages_" + language + " misses " + missing);

        Set<String> extra = new TreeSet<>(other);
        extra.removeAll(english);
        assertTrue(extra.isEmpty(), "messages_en misses " + extra + " found in messages_" + language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "de", "es", "fr", "zh_CN"})
    void noValueIsBlank(String language) {
        Properties bundle = load(language);
        Set<String> blank = new TreeSet<>();
        bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).isBlank()).forEach(blank::add);
        assertTrue(blank.isEmpty(), "messages_" + language + " has empty values for " + blank);
    }

    private static Set<String> keys(String language) {
        return new TreeSet<>(load(language).stringPropertyNames());
    }

    private static Properties load(String language) {
        String path = DIR + "messages_" + language + ".properties";
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
