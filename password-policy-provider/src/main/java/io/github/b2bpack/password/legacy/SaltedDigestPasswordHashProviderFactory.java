package io.github.b2bpack.password.legacy;

import io.github.b2bpack.password.legacy.format.HashRejected;
import io.github.b2bpack.password.legacy.format.SaltedDigest;
import io.github.b2bpack.password.legacy.format.SaltedDigest.SaltPosition;
import java.util.List;
import java.util.Map;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Shared glue of {@code md5} and {@code sha1}: the digest (hex or Base64) in {@code secretData.value},
 * the optional salt bytes Base64-encoded in {@code secretData.salt}, and where the salt goes in
 * {@code credentialData.additionalParameters.saltPosition} ({@code ["before"]}: H(salt ‖ password),
 * {@code ["after"]}: H(password ‖ salt)). No caps: one digest costs microseconds.
 */
abstract class SaltedDigestPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    static final String SALT_POSITION = "saltPosition";

    private final String jdkAlgorithm;

    /** @param jdkAlgorithm the JDK's name of the digest */
    SaltedDigestPasswordHashProviderFactory(String id, String jdkAlgorithm) {
        super(id);
        this.jdkAlgorithm = jdkAlgorithm;
    }

    @Override
    final LegacyHashReader reader(Map<Cap, Integer> configured) {
        return credential -> parse(jdkAlgorithm, credential);
    }

    private static SaltedDigest parse(String algorithm, PasswordCredentialModel credential) throws HashRejected {
        byte[] salt = credential.getPasswordSecretData().getSalt();
        salt = salt == null ? new byte[0] : salt;
        List<String> position =
                credential.getPasswordCredentialData().getAdditionalParameters().get(SALT_POSITION);
        if (position != null && position.size() > 1) {
            throw new HashRejected("saltPosition must have one value");
        }
        String value = position == null || position.isEmpty() ? null : position.get(0);
        return SaltedDigest.parse(algorithm, storedValue(credential), salt, SaltPosition.parse(value, salt.length > 0));
    }
}
