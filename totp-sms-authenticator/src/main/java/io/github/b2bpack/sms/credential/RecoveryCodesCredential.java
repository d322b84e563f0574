package io.github.b2bpack.sms.credential;

import io.github.b2bpack.sms.recovery.RecoveryCodeHasher;
import io.github.b2bpack.sms.recovery.RecoveryCodeHasher.HashedCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * The {@code sms-recovery-codes} credential: the unused recovery codes, each salted and
 * PBKDF2-hashed in the secret data; the credential data only says how many are left.
 */
public final class RecoveryCodesCredential {

    public static final String TYPE = "sms-recovery-codes";

    record Secret(List<HashedCode> codes) {}

    record Data(int remaining, long generatedAt) {}

    private RecoveryCodesCredential() {}

    public static CredentialModel create(List<String> normalizedCodes, SecureRandom random, long nowMillis) {
        List<HashedCode> hashed = new ArrayList<>();
        for (String code : normalizedCodes) {
            hashed.add(RecoveryCodeHasher.hash(code, random));
        }
        CredentialModel model = new CredentialModel();
        model.setType(TYPE);
        model.setCreatedDate(nowMillis);
        model.setUserLabel("Recovery codes");
        write(model, hashed, nowMillis);
        return model;
    }

    private static List<HashedCode> codes(CredentialModel model) {
        try {
            Secret secret = JsonSerialization.readValue(model.getSecretData(), Secret.class);
            return secret.codes() == null ? List.of() : secret.codes();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public static int remaining(CredentialModel model) {
        return codes(model).size();
    }

    /**
     * Checks a normalised code against every unused one (so timing does not reveal which matched) and
     * returns the codes left after consuming it, or null when none matched.
     */
    public static List<HashedCode> consume(CredentialModel model, String normalizedCode) {
        List<HashedCode> left = new ArrayList<>();
        boolean matched = false;
        for (HashedCode stored : codes(model)) {
            boolean match = RecoveryCodeHasher.matches(normalizedCode, stored);
            if (match && !matched) {
                matched = true;
            } else {
                left.add(stored);
            }
        }
        return matched ? left : null;
    }

    public static void write(CredentialModel model, List<HashedCode> codes, long generatedAt) {
        try {
            model.setSecretData(JsonSerialization.writeValueAsString(new Secret(List.copyOf(codes))));
            model.setCredentialData(JsonSerialization.writeValueAsString(new Data(codes.size(), generatedAt)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
