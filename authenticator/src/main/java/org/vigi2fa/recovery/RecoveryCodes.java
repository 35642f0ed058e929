package org.vigi2fa.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.dto.RecoveryAuthnCodeRepresentation;
import org.keycloak.models.credential.dto.RecoveryAuthnCodesCredentialData;
import org.keycloak.models.credential.dto.RecoveryAuthnCodesSecretData;
import org.keycloak.models.utils.RecoveryAuthnCodesUtils;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.CredentialHelper;
import org.vigi2fa.VigiIds;

/** The user's set of recovery codes, stored as Keycloak's own recovery-code credential (type {@code recovery-authn-codes}). */
public final class RecoveryCodes {

    private RecoveryCodes() {
    }

    static Optional<RecoveryAuthnCodesCredentialModel> stored(UserModel user) {
        return RecoveryAuthnCodesUtils.getCredential(user).map(RecoveryAuthnCodesCredentialModel::createFromCredentialModel);
    }

    /** How many unused codes the user has (0 without a set). */
    public static int left(UserModel user) {
        return data(user).map(RecoveryAuthnCodesCredentialData::getRemainingCodes).orElse(0);
    }

    /** How many unused codes this set has. */
    static int left(CredentialModel set) {
        return data(set).getRemainingCodes();
    }

    /** How many codes this set had when it was made. */
    static int total(CredentialModel set) {
        return data(set).getTotalCodes();
    }

    /** How many codes the user's set had when it was made (0 without a set). */
    static int total(UserModel user) {
        return data(user).map(RecoveryAuthnCodesCredentialData::getTotalCodes).orElse(0);
    }

    /** The number Keycloak gives the next code of the list (the page asks for it by number), or 0. */
    public static int nextNumber(UserModel user) {
        return stored(user).flatMap(RecoveryAuthnCodesCredentialModel::getNextRecoveryAuthnCode)
                .map(RecoveryAuthnCodeRepresentation::getNumber).orElse(0);
    }

    private static Optional<RecoveryAuthnCodesCredentialData> data(UserModel user) {
        return RecoveryAuthnCodesUtils.getCredential(user).map(RecoveryCodes::data);
    }

    private static RecoveryAuthnCodesCredentialData data(CredentialModel set) {
        try {
            return JsonSerialization.readValue(set.getCredentialData(), RecoveryAuthnCodesCredentialData.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh list: 12 codes of 16 characters over {@link RecoveryIds#CODE_ALPHABET}, from Keycloak's secure generator. */
    static List<String> generate() {
        char[] alphabet = RecoveryIds.CODE_ALPHABET.toCharArray();
        return Stream.generate(() -> SecretGenerator.getInstance().randomString(RecoveryIds.CODE_LENGTH, alphabet))
                .limit(RecoveryAuthnCodesUtils.QUANTITY_OF_CODES_TO_GENERATE).toList();
    }

    /** Stores the list through Keycloak's helper; its provider deletes the previous set first, so old codes die. */
    static void store(KeycloakSession session, RealmModel realm, UserModel user, List<String> codes) {
        PasswordHashProvider hasher = session.getProvider(PasswordHashProvider.class, RecoveryIds.HASH_ALGORITHM);
        RecoveryAuthnCodesCredentialModel set = hashed(hasher, codes, Time.currentTimeMillis());
        CredentialHelper.createRecoveryCodesCredential(session, realm, user, set, codes);
    }

    /**
     * Keycloak's recovery-code credential, in its data shapes (so both consoles list and remove it), with each code
     * hashed by {@link RecoveryCodeHash} instead of Keycloak's unsalted SHA-512.
     */
    static RecoveryAuthnCodesCredentialModel hashed(PasswordHashProvider hasher, List<String> codes, long createdAt) {
        List<RecoveryAuthnCodeRepresentation> hashed = IntStream.range(0, codes.size())
                .mapToObj(i -> new RecoveryAuthnCodeRepresentation(i + 1, RecoveryCodeHash.encode(hasher, codes.get(i)))).toList();
        CredentialModel set = new CredentialModel();
        set.setType(RecoveryAuthnCodesCredentialModel.TYPE);
        set.setUserLabel(RecoveryIds.LABEL);
        set.setCreatedDate(createdAt);
        try {
            set.setSecretData(JsonSerialization.writeValueAsString(new RecoveryAuthnCodesSecretData(hashed)));
            set.setCredentialData(JsonSerialization.writeValueAsString(new RecoveryAuthnCodesCredentialData(
                    RecoveryIds.HASH_ITERATIONS, RecoveryIds.HASH_ALGORITHM, codes.size(), codes.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RecoveryAuthnCodesCredentialModel.createFromCredentialModel(set);
    }

    /** Removes every recovery-code credential of the user, one REMOVE_CREDENTIAL event each; returns how many. */
    public static int removeAll(UserModel user, EventBuilder event) {
        List<CredentialModel> sets = user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE).toList();
        int removed = 0;
        for (CredentialModel set : sets) {
            if (user.credentialManager().removeStoredCredentialById(set.getId())) {
                removed++;
                event.clone().event(EventType.REMOVE_CREDENTIAL).user(user)
                        .detail(Details.CREDENTIAL_TYPE, RecoveryAuthnCodesCredentialModel.TYPE)
                        .detail(Details.CREDENTIAL_ID, set.getId())
                        .detail(VigiIds.EVENT_DETAIL, RecoveryIds.EVENT_REMOVED).success();
            }
        }
        return removed;
    }
}
