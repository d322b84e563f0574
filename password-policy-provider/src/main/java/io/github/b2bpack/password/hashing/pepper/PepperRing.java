package io.github.b2bpack.password.hashing.pepper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured peppers and which one new hashes use. Credentials hashed under any configured key
 * still verify; a login re-hashes them under the current key. With no current key new hashes carry
 * no pepper (the credential then verifies with Keycloak's built-in {@code argon2} too).
 */
public final class PepperRing {

    public static final PepperRing NONE = new PepperRing(Map.of(), null);

    private final Map<String, Pepper> peppers;
    private final String currentKeyId;

    private PepperRing(Map<String, Pepper> peppers, String currentKeyId) {
        this.peppers = peppers;
        this.currentKeyId = currentKeyId;
    }

    /**
     * Parses the SPI options.
     *
     * @param peppers      {@code id:value,id:value} where a value is inline text or {@code ${vault.name}};
     *                     {@code null} or blank for none
     * @param currentKeyId the key id new hashes use; {@code null} or blank for none
     * @throws IllegalArgumentException with an operator-readable reason that never contains a value
     */
    public static PepperRing parse(String peppers, String currentKeyId) {
        Map<String, Pepper> ring = new LinkedHashMap<>();
        if (peppers != null && !peppers.isBlank()) {
            for (String entry : peppers.split(",")) {
                String trimmed = entry.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    throw new IllegalArgumentException(
                            "each pepper must be written key-id:value (entry " + (ring.size() + 1) + " is not)");
                }
                Pepper pepper = Pepper.of(
                        trimmed.substring(0, colon).trim(),
                        trimmed.substring(colon + 1).trim());
                if (ring.putIfAbsent(pepper.keyId(), pepper) != null) {
                    throw new IllegalArgumentException("pepper key id '" + pepper.keyId() + "' is given twice");
                }
            }
        }
        String current = currentKeyId == null || currentKeyId.isBlank() ? null : currentKeyId.trim();
        if (current != null && !ring.containsKey(current)) {
            throw new IllegalArgumentException(
                    "current pepper id '" + current + "' is not among the configured peppers " + ring.keySet());
        }
        return new PepperRing(Collections.unmodifiableMap(ring), current);
    }

    /** The key id new hashes use, if any. */
    public Optional<String> currentKeyId() {
        return Optional.ofNullable(currentKeyId);
    }

    public Optional<Pepper> current() {
        return currentKeyId == null ? Optional.empty() : Optional.of(peppers.get(currentKeyId));
    }

    public Optional<Pepper> byKeyId(String keyId) {
        return Optional.ofNullable(peppers.get(keyId));
    }

    public Set<String> keyIds() {
        return peppers.keySet();
    }

    @Override
    public String toString() {
        return "peppers " + peppers.values() + (currentKeyId != null ? ", current " + currentKeyId : ", none current");
    }
}
