package io.github.b2bpack.org.users;

import java.util.List;
import java.util.Map;

/**
 * What Keycloak holds of one user, read once in the glue so the Cryptr mapping stays pure.
 *
 * @param createdAt  epoch millis, or null
 * @param updatedAt  epoch millis of the last change Keycloak recorded, or null
 * @param attributes every attribute with its values (first value used)
 * @param identities the user's identity-provider links
 */
public record UserSnapshot(
        String id,
        String username,
        String email,
        boolean emailVerified,
        boolean enabled,
        Long createdAt,
        Long updatedAt,
        Map<String, List<String>> attributes,
        List<Identity> identities) {

    /** One identity-provider link: the provider's alias and the user's id and name there. */
    public record Identity(String provider, String userId, String username) {}

    public String first(String attribute) {
        List<String> values = attributes.get(attribute);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
