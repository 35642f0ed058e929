package org.vigi2fa.it.browser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The provider's message bundles (theme-resources), to compare what the pages show with what they should say. */
final class Bundles {

    private Bundles() {
    }

    static Properties of(String language) {
        return load("theme-resources/messages/messages_" + language + ".properties");
    }

    /** The VIGI account theme's bundle (what the account console shows on top of keycloak.v3). */
    static Properties account(String language) {
        return load("theme/vigi/account/messages/messages_" + language + ".properties");
    }

    private static Properties load(String path) {
        try (Reader reader = new InputStreamReader(Bundles.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
