package org.vigi2fa.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The one way tests give a user recovery codes without the pages: Keycloak's recovery-code credential as Keycloak 26
 * itself stores it (12-character codes, unsalted SHA-512 of each: a set made before VIGI hashed codes itself), added
 * through the admin API, and the codes in the order Keycloak asks for them.
 */
public record RecoverySeed(List<String> codes) {

    public static final String TYPE = "recovery-authn-codes";
    private static final String ALPHABET = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Gives the user {@code count} fresh codes (replacing any set); returns them. */
    public static RecoverySeed give(VigiEnvironment env, String userId, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        StringBuilder secret = new StringBuilder("{\"codes\":[");
        for (int i = 0; i < count; i++) {
            secret.append(i == 0 ? "" : ",").append("{\"number\":").append(i + 1)
                    .append(",\"encodedHashedValue\":\"").append(sha512(codes.get(i))).append("\"}");
        }
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(TYPE);
        credential.setUserLabel("test recovery codes");
        credential.setSecretData(secret.append("]}").toString());
        credential.setCredentialData("{\"hashIterations\":null,\"algorithm\":\"SHA-512\",\"remaining\":" + count + ",\"total\":" + count + "}");
        UserResource user = env.realm().users().get(userId);
        UserRepresentation rep = user.toRepresentation();
        rep.setCredentials(List.of(credential));
        user.update(rep);
        if (stored(env, userId).isEmpty()) {
            throw new IllegalStateException("recovery codes were not stored for user " + userId);
        }
        return new RecoverySeed(codes);
    }

    /** The user's stored recovery-code credentials (admin API). */
    public static List<CredentialRepresentation> stored(VigiEnvironment env, String userId) {
        return env.realm().users().get(userId).credentials().stream().filter(c -> TYPE.equals(c.getType())).toList();
    }

    /**
     * The user's recovery-code credentials with their secret data, as Keycloak's store holds them (test-support
     * endpoint: the admin API never returns secret data).
     */
    public static JsonNode storedWithSecrets(VigiEnvironment env, String userId) throws IOException, InterruptedException {
        if (!env.canMoveClock()) {
            throw new org.opentest4j.TestAbortedException("reads secret data: needs the test-support provider");
        }
        HttpRequest read = HttpRequest.newBuilder(URI.create(env.realmUrl() + "/vigi-test-credential/" + userId + "/" + TYPE)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(read, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reading the stored credential failed: HTTP " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** The n-th code (1-based, the number the page asks for). */
    public String number(int n) {
        return codes.get(n - 1);
    }

    private static String sha512(String code) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
