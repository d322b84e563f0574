package io.github.b2bpack.password.hashing;

import io.github.b2bpack.password.hashing.nativelib.Argon2Cost;
import io.github.b2bpack.password.hashing.nativelib.Argon2Limits;
import io.github.b2bpack.password.hashing.nativelib.HashingBusyException;
import io.github.b2bpack.password.hashing.nativelib.NativeArgon2;
import io.github.b2bpack.password.hashing.nativelib.PasswordBytes;
import io.github.b2bpack.password.hashing.pepper.Pepper;
import io.github.b2bpack.password.hashing.pepper.PepperRing;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;

/**
 * {@code argon2-native}: argon2id v1.3 hashes computed by native libargon2, in Keycloak's
 * {@code argon2} credential layout, optionally peppered.
 * <p>
 * Keycloak verifies a password with the provider named by the stored credential, then asks the
 * realm policy's provider {@link #policyCheck}; a {@code false} makes it re-hash the password it
 * just verified with {@link #encodedCredential}. So a login moves a credential to this provider's
 * algorithm, cost and current pepper.
 */
public final class NativeArgon2PasswordHashProvider implements PasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(NativeArgon2PasswordHashProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NativeArgon2 argon2;
    private final Argon2Cost cost;
    private final Argon2Limits limits;
    private final PepperRing peppers;
    private final PepperSource pepperSource;

    NativeArgon2PasswordHashProvider(
            NativeArgon2 argon2, Argon2Cost cost, Argon2Limits limits, PepperRing peppers, PepperSource pepperSource) {
        this.argon2 = argon2;
        this.cost = cost;
        this.limits = limits;
        this.peppers = peppers;
        this.pepperSource = pepperSource;
    }

    @Override
    public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
        PasswordCredentialData data = credential.getPasswordCredentialData();
        if (!NativeArgon2PasswordHashProviderFactory.ID.equals(data.getAlgorithm())) {
            return false;
        }
        Argon2CredentialLayout.StoredParameters stored;
        try {
            stored = Argon2CredentialLayout.read(data);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return stored.type() == NativeArgon2.Type.ID
                && stored.version() == NativeArgon2.Version.V13
                && stored.hashLength() == Argon2CredentialLayout.HASH_LENGTH
                && stored.cost().equals(costFor(policy == null ? -1 : policy.getHashIterations()))
                && Objects.equals(stored.pepperId(), peppers.currentKeyId().orElse(null));
    }

    @Override
    public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
        Argon2Cost target = costFor(iterations);
        if (iterations > limits.maxIterations() && iterations <= Argon2Cost.MAX_ITERATIONS) {
            // Keycloak gives us no say when a realm admin saves hashIterations(n), so it is clamped here, loudly.
            LOG.warnf(
                    "argon2-native: the realm's hashIterations(%d) exceeds max-iterations %d; hashing with %d passes",
                    iterations, limits.maxIterations(), target.iterations());
        }
        byte[] salt = new byte[Argon2CredentialLayout.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        Pepper pepper = peppers.current().orElse(null);
        // A ModelException becomes a clear 400 on the admin API instead of a server error.
        byte[] secret = pepper == null
                ? null
                : pepperSource
                        .bytes(pepper)
                        .orElseThrow(() -> new ModelException(
                                "argon2-native: current pepper '" + pepper.keyId() + "' is not in this realm's vault"));
        byte[] password = PasswordBytes.of(rawPassword);
        try {
            byte[] hash;
            try {
                hash = argon2.hash(
                        NativeArgon2.Type.ID,
                        NativeArgon2.Version.V13,
                        target,
                        password,
                        salt,
                        secret,
                        Argon2CredentialLayout.HASH_LENGTH);
            } catch (HashingBusyException e) {
                LOG.warnf("argon2-native: a new password was not hashed: %s", e.getMessage());
                throw new ModelException("argon2-native: the server is too busy to hash the password now; try again");
            }
            try {
                return Argon2CredentialLayout.credential(
                        NativeArgon2PasswordHashProviderFactory.ID,
                        target,
                        salt,
                        hash,
                        pepper == null ? null : pepper.keyId());
            } finally {
                Arrays.fill(hash, (byte) 0);
            }
        } finally {
            wipe(password);
            wipe(secret);
        }
    }

    @Override
    public boolean verify(String rawPassword, PasswordCredentialModel credential) {
        Argon2CredentialLayout.StoredParameters stored;
        byte[] expected;
        try {
            stored = Argon2CredentialLayout.read(credential.getPasswordCredentialData());
            expected = Base64.getDecoder()
                    .decode(credential.getPasswordSecretData().getValue());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("argon2-native: stored credential %s is not usable: %s", credential.getId(), e.getMessage());
            return false;
        }
        String exceeded = limits.exceededBy(stored.cost());
        if (exceeded != null) {
            LOG.warnf(
                    "argon2-native: stored credential %s exceeds the server's maximum (%s); refused without hashing, like a wrong password",
                    credential.getId(), exceeded);
            return false;
        }
        byte[] secret = null;
        if (stored.pepperId() != null) {
            Pepper pepper = peppers.byKeyId(stored.pepperId()).orElse(null);
            secret = pepper == null ? null : pepperSource.bytes(pepper).orElse(null);
            if (secret == null) {
                LOG.warnf(
                        "argon2-native: credential %s was hashed with pepper '%s', which is not configured (or not in the vault)",
                        credential.getId(), stored.pepperId());
                return false;
            }
        }
        byte[] password = PasswordBytes.of(rawPassword);
        try {
            byte[] actual = argon2.hash(
                    stored.type(),
                    stored.version(),
                    stored.cost(),
                    password,
                    credential.getPasswordSecretData().getSalt(),
                    secret,
                    stored.hashLength());
            try {
                return MessageDigest.isEqual(actual, expected);
            } finally {
                wipe(actual);
            }
        } catch (HashingBusyException e) {
            // A saturated node: the attempt fails (as a wrong password would) rather than parking the request thread.
            LOG.warnf("argon2-native: credential %s not verified: %s", credential.getId(), e.getMessage());
            return false;
        } catch (IllegalStateException e) {
            // libargon2 refused the stored inputs (e.g. an imported salt under 8 bytes): a failed login, not an error
            // page.
            LOG.warnf("argon2-native: stored credential %s cannot be verified: %s", credential.getId(), e.getMessage());
            return false;
        } finally {
            wipe(password);
            wipe(secret);
        }
    }

    @Override
    public String credentialHashingStrength(PasswordCredentialModel credential) {
        try {
            Argon2CredentialLayout.StoredParameters stored =
                    Argon2CredentialLayout.read(credential.getPasswordCredentialData());
            return "Argon2" + stored.type().name().toLowerCase() + "-"
                    + (stored.version() == NativeArgon2.Version.V13 ? "1.3" : "1.0") + "[m="
                    + stored.cost().memoryKiB() + ",t=" + stored.cost().iterations() + ",p="
                    + stored.cost().parallelism() + "]";
        } catch (IllegalArgumentException e) {
            return "Argon2[invalid]";
        }
    }

    /**
     * The realm policy's {@code hashIterations} when it is a sensible Argon2 pass count (brought down to
     * max-iterations), else the configured one. Larger values are PBKDF2 leftovers, as for the built-in argon2.
     */
    private Argon2Cost costFor(int policyIterations) {
        if (policyIterations >= Argon2Cost.MIN_ITERATIONS && policyIterations <= Argon2Cost.MAX_ITERATIONS) {
            return cost.withIterations(limits.clampIterations(policyIterations));
        }
        return cost;
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public void close() {}
}
