package io.github.b2bpack.password.legacy;

import io.github.b2bpack.password.legacy.LegacyHashMetrics.Outcome;
import io.github.b2bpack.password.legacy.format.HashRejected;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A password hash provider that only verifies imported hashes. {@link #policyCheck} is always false,
 * so a successful login re-hashes the password with the realm's policy algorithm; encoding is refused
 * because these algorithms must never be chosen for new passwords.
 */
final class LegacyPasswordHashProvider implements PasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(LegacyPasswordHashProvider.class);

    /** How long a login waits for a verification slot before it simply fails. */
    private static final long PERMIT_WAIT_SECONDS = 30;

    private final String id;
    private final LegacyHashReader reader;
    private final Semaphore permits;
    private final LegacyHashMetrics metrics;

    LegacyPasswordHashProvider(String id, LegacyHashReader reader, Semaphore permits, LegacyHashMetrics metrics) {
        this.id = id;
        this.reader = reader;
        this.permits = permits;
        this.metrics = metrics;
    }

    @Override
    public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
        return false;
    }

    @Override
    public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
        throw new ModelException("Password hashing algorithm '" + id
                + "' only verifies imported hashes; choose another hashAlgorithm in the password policy");
    }

    @Override
    public boolean verify(String rawPassword, PasswordCredentialModel credential) {
        if (rawPassword == null || credential == null) {
            return false;
        }
        boolean acquired = false;
        try {
            acquired = permits.tryAcquire(PERMIT_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!acquired) {
                metrics.record(Outcome.BUSY);
                LOG.warnf(
                        "No %s verification slot free within %d s; login of credential %s fails",
                        id, PERMIT_WAIT_SECONDS, credential.getId());
                return false;
            }
            boolean matches = reader.read(credential).matches(rawPassword);
            metrics.record(matches ? Outcome.MATCH : Outcome.MISMATCH);
            return matches;
        } catch (HashRejected e) {
            metrics.record(Outcome.REJECTED);
            // Never the hash itself: it is as sensitive as the password for weak algorithms.
            LOG.warnf("Imported %s credential %s cannot be verified: %s", id, credential.getId(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            metrics.record(Outcome.ERROR);
            LOG.warnf(
                    "Imported %s credential %s failed verification with %s",
                    id, credential.getId(), e.getClass().getName());
            return false;
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }

    @Override
    public void close() {}
}
