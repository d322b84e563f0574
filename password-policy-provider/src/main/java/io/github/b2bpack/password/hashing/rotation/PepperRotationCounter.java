package io.github.b2bpack.password.hashing.rotation;

import io.github.b2bpack.password.hashing.Argon2CredentialLayout;
import io.github.b2bpack.password.hashing.NativeArgon2PasswordHashProviderFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.util.JsonSerialization;

/** Tallies stored password credentials (their non-secret {@code credentialData} JSON) by algorithm and pepper key id. */
final class PepperRotationCounter {

    private static final String UNREADABLE = "(unreadable)";

    private final String currentPepperId;
    private final Map<String, Long> byAlgorithm = new TreeMap<>();
    private final Map<String, Long> byPepperId = new TreeMap<>();
    private long total;
    private long withoutPepper;
    private long onCurrent;

    PepperRotationCounter(String currentPepperId) {
        this.currentPepperId = currentPepperId;
    }

    void add(String credentialData) {
        total++;
        PasswordCredentialData data;
        try {
            data = JsonSerialization.readValue(credentialData, PasswordCredentialData.class);
        } catch (IOException | RuntimeException e) {
            byAlgorithm.merge(UNREADABLE, 1L, Long::sum);
            return;
        }
        String algorithm = data.getAlgorithm() == null ? UNREADABLE : data.getAlgorithm();
        byAlgorithm.merge(algorithm, 1L, Long::sum);
        if (!NativeArgon2PasswordHashProviderFactory.ID.equals(algorithm)) {
            return;
        }
        MultivaluedHashMap<String, String> parameters = data.getAdditionalParameters();
        String pepperId = parameters == null ? null : parameters.getFirst(Argon2CredentialLayout.PEPPER_ID_KEY);
        if (pepperId == null) {
            withoutPepper++;
        } else {
            byPepperId.merge(pepperId, 1L, Long::sum);
        }
        if (Objects.equals(pepperId, currentPepperId)) {
            onCurrent++;
        }
    }

    PepperRotationReport report(String realm, Iterable<String> configuredPepperIds) {
        ArrayList<String> configured = new ArrayList<>();
        configuredPepperIds.forEach(configured::add);
        return new PepperRotationReport(
                realm, currentPepperId, configured, total, byAlgorithm, byPepperId, withoutPepper, onCurrent);
    }
}
