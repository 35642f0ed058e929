package org.vigi2fa.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

/** The realm's account console wears the VIGI account theme: its logo and styles, and its words in all six languages. */
@VigiTest
class AccountThemeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theConsolePageNamesTheVigiLogoAndStyles(VigiEnvironment env) throws Exception {
        String page = get(env.realmUrl() + "/account/").body();
        assertTrue(page.contains("\"logo\": \"img/vigi-logo.svg\""), "the console's logo is the theme's: " + page);
        String resourceUrl = page.replaceAll("(?s).*\"resourceUrl\": \"([^\"]+)\".*", "$1");
        assertTrue(resourceUrl.contains("/account/vigi"), "the vigi account theme: " + resourceUrl);
        assertTrue(page.contains(resourceUrl + "/css/vigi-account.css"), "the VIGI styles are linked");
        for (String resource : new String[] {"/img/vigi-logo.svg", "/css/vigi-account.css"}) {
            HttpResponse<String> served = get(env.baseUrl() + resourceUrl + resource);
            assertEquals(200, served.statusCode(), resource);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "de", "es", "fr", "zh-CN"})
    void theConsoleGetsTheVigiWordsInEveryLanguage(String language, VigiEnvironment env) throws Exception {
        HttpResponse<String> served = get(env.baseUrl() + "/resources/" + VigiEnvironment.REALM + "/account/" + language);
        assertEquals(200, served.statusCode(), served.body());
        Map<String, String> messages = new HashMap<>();
        for (JsonNode message : new ObjectMapper().readTree(served.body())) {
            messages.put(message.path("key").asText(), message.path("value").asText());
        }
        Properties bundle = bundle(language.replace('-', '_'));
        for (String key : bundle.stringPropertyNames()) {
            assertEquals(bundle.getProperty(key), messages.get(key), language + " " + key);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Properties bundle(String language) {
        Properties bundle = new Properties();
        try (var in = AccountThemeIT.class.getResourceAsStream("/theme/vigi/account/messages/messages_" + language + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle;
    }
}
