package io.github.b2bpack.sms.sender;

import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

/**
 * A gateway credential from an SPI option: either the value itself or a vault reference
 * {@code ${vault.key}} resolved in the realm being served.
 */
public final class SecretOption {

    private SecretOption() {}

    public static String resolve(KeycloakSession session, String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        if (configured.startsWith("${vault.") && configured.endsWith("}")) {
            try (VaultStringSecret secret = session.vault().getStringSecret(configured)) {
                return secret.get().orElse(null);
            }
        }
        return configured;
    }
}
