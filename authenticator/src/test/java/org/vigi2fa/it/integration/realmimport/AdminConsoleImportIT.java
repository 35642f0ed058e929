package org.vigi2fa.it.integration.realmimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The realm as an operator uploads it in the admin console ("Create realm" → browse a file), which posts it to the
 * admin REST API. That path resolves no {@code ${VAR:default}} placeholders, so the build writes
 * {@code authenticator/target/vigi-realm-defaults.json}: realm-config/vigi-realm.json with every placeholder replaced by
 * its default. Imported here under a fresh realm name on the shared test server (the name "vigi" is taken).
 */
@VigiTest
class AdminConsoleImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.]+:([^}]*)}");

    @Test
    void uploadedRealmSignsATwoFactorUserIn(VigiEnvironment env) throws Exception {
        String name = "vigi-upload-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode realm = (ObjectNode) JSON.readTree(defaultsFile().toFile());
        realm.put("realm", name);
        HttpResponse<String> created = postRealm(env, JSON.writeValueAsString(realm));
        try {
            assertEquals(201, created.statusCode(), "admin REST import: " + created.body());

            EnrolledUser enrolled = env.newUserWithOtp(name, "uploaded");
            OAuth oauth = new OAuth(env.realmUrl(name));
            OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
            WebSession browser = new WebSession(env.baseUrl());
            Page codePage = Flows.passwordStep(browser, request, enrolled.user());
            Flows.assertPage(codePage, Flows.CODE_PAGE);
            JsonNode tokens = Grants.issued(Flows.tokens(oauth, request, Flows.code(browser, codePage, enrolled.totp().now())));
            JsonNode access = OAuth.claims(tokens.get("access_token").asText());
            assertEquals(enrolled.user().username(), access.get("preferred_username").asText());
            assertTrue(access.get("iss").asText().endsWith("/realms/" + name), access.get("iss").asText());
        } finally {
            if (created.statusCode() == 201) {
                env.admin().realm(name).remove();
            }
        }
    }

    @Test
    void defaultsFileIsTheRealmFileWithEveryPlaceholderAtItsDefault() throws IOException {
        String defaults = Files.readString(defaultsFile());
        assertFalse(defaults.contains("${"), "no placeholder left for the admin console");
        JsonNode source = JSON.readTree(Path.of(System.getProperty("vigi.realm.file")).toFile());
        assertSameWithDefaults(source, JSON.readTree(defaults), "");
    }

    /** Every value equal, except that a placeholder in the source is its default in the upload file. */
    private static void assertSameWithDefaults(JsonNode source, JsonNode upload, String path) {
        if (source.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(source.asText());
            StringBuilder expected = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(expected, Matcher.quoteReplacement(matcher.group(1)));
            }
            matcher.appendTail(expected);
            assertEquals(expected.toString(), upload.asText(), path);
            return;
        }
        assertEquals(source.getNodeType(), upload.getNodeType(), path);
        assertEquals(source.size(), upload.size(), path + " size");
        if (source.isArray()) {
            for (int i = 0; i < source.size(); i++) {
                assertSameWithDefaults(source.get(i), upload.get(i), path + "[" + i + "]");
            }
        } else if (source.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = source.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertTrue(upload.has(field.getKey()), path + "/" + field.getKey());
                assertSameWithDefaults(field.getValue(), upload.get(field.getKey()), path + "/" + field.getKey());
            }
        } else {
            assertEquals(source, upload, path);
        }
    }

    /** Written by the build next to the provider JAR (authenticator/target). */
    private static Path defaultsFile() {
        Path file = Path.of(System.getProperty("vigi.provider.jar")).resolveSibling("vigi-realm-defaults.json");
        assertTrue(Files.isRegularFile(file), "the build writes " + file);
        return file;
    }

    /** What the admin console's "Create realm" upload sends: the file's JSON, posted to /admin/realms. */
    private static HttpResponse<String> postRealm(VigiEnvironment env, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/admin/realms"))
                .header("Authorization", "Bearer " + env.admin().tokenManager().getAccessTokenString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
