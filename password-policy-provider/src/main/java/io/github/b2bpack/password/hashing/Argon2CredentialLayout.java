package io.github.b2bpack.password.hashing;

import io.github.b2bpack.password.hashing.nativelib.Argon2Cost;
import io.github.b2bpack.password.hashing.nativelib.NativeArgon2;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;

/**
 * Keycloak's built-in {@code argon2} credential layout, shared so either provider reads the other's
 * credentials: {@code hashIterations} holds {@code t}, {@code additionalParameters} hold
 * {@code type} ({@code id}/{@code i}/{@code d}), {@code version} ({@code 1.3}/{@code 1.0}),
 * {@code hashLength}, {@code memory} (KiB) and {@code parallelism}; the secret data holds the
 * Base64 raw hash and the salt. {@code argon2-native} adds one key, {@code pepperId}, when a pepper
 * was mixed in.
 */
public final class Argon2CredentialLayout {

    public static final String TYPE_KEY = "type";
    public static final String VERSION_KEY = "version";
    public static final String HASH_LENGTH_KEY = "hashLength";
    public static final String MEMORY_KEY = "memory";
    public static final String PARALLELISM_KEY = "parallelism";
    public static final String PEPPER_ID_KEY = "pepperId";

    public static final String TYPE_ID = "id";
    public static final String VERSION_13 = "1.3";
    public static final int HASH_LENGTH = 32;
    public static final int SALT_LENGTH = 16;
    /** Longer outputs add nothing to security and only let a hostile import waste work. */
    static final int MAX_HASH_LENGTH = 1024;

    private Argon2CredentialLayout() {}

    /** What a stored credential says about how it was hashed. */
    public record StoredParameters(
            NativeArgon2.Type type, NativeArgon2.Version version, Argon2Cost cost, int hashLength, String pepperId) {}

    public static PasswordCredentialModel credential(
            String algorithm, Argon2Cost cost, byte[] salt, byte[] hash, String pepperId) {
        Map<String, List<String>> parameters = new HashMap<>();
        parameters.put(TYPE_KEY, List.of(TYPE_ID));
        parameters.put(VERSION_KEY, List.of(VERSION_13));
        parameters.put(HASH_LENGTH_KEY, List.of(Integer.toString(hash.length)));
        parameters.put(MEMORY_KEY, List.of(Integer.toString(cost.memoryKiB())));
        parameters.put(PARALLELISM_KEY, List.of(Integer.toString(cost.parallelism())));
        if (pepperId != null) {
            parameters.put(PEPPER_ID_KEY, List.of(pepperId));
        }
        return PasswordCredentialModel.createFromValues(
                algorithm,
                salt,
                cost.iterations(),
                parameters,
                Base64.getEncoder().encodeToString(hash));
    }

    /**
     * Reads the parameters of a stored credential.
     *
     * @throws IllegalArgumentException when they are missing, unknown or out of the accepted range
     *                                  (an imported credential could ask for terabytes of memory)
     */
    public static StoredParameters read(PasswordCredentialData data) {
        MultivaluedHashMap<String, String> parameters = data.getAdditionalParameters();
        if (parameters == null) {
            throw new IllegalArgumentException("credential has no Argon2 parameters");
        }
        NativeArgon2.Type type = switch (String.valueOf(parameters.getFirst(TYPE_KEY))) {
            case "id" -> NativeArgon2.Type.ID;
            case "i" -> NativeArgon2.Type.I;
            case "d" -> NativeArgon2.Type.D;
            default -> throw new IllegalArgumentException("unknown Argon2 type");
        };
        NativeArgon2.Version version = switch (String.valueOf(parameters.getFirst(VERSION_KEY))) {
            case "1.3" -> NativeArgon2.Version.V13;
            case "1.0" -> NativeArgon2.Version.V10;
            default -> throw new IllegalArgumentException("unknown Argon2 version");
        };
        int hashLength = integer(parameters, HASH_LENGTH_KEY);
        if (hashLength < 4 || hashLength > MAX_HASH_LENGTH) {
            throw new IllegalArgumentException("hash length out of range");
        }
        Argon2Cost cost = new Argon2Cost(
                integer(parameters, MEMORY_KEY), data.getHashIterations(), integer(parameters, PARALLELISM_KEY));
        String problem = cost.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new StoredParameters(type, version, cost, hashLength, parameters.getFirst(PEPPER_ID_KEY));
    }

    private static int integer(MultivaluedHashMap<String, String> parameters, String key) {
        String value = parameters.getFirst(key);
        if (value == null) {
            throw new IllegalArgumentException("credential lacks " + key);
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number");
        }
    }
}
