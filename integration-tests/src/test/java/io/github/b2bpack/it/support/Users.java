package io.github.b2bpack.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Users of a test realm through the admin client: created, given admin roles, signed in, their password read. */
public final class Users {

    private Users() {}

    /** Creates {@code user} in {@code realm}, failing unless the admin API answers 201; returns its id. */
    public static String create(Keycloak admin, String realm, UserRepresentation user) {
        try (Response created = admin.realm(realm).users().create(user)) {
            assertEquals(201, created.getStatus(), () -> user.getUsername() + ": " + created.readEntity(String.class));
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    /** Gives the user {@code roles} of the client {@code clientId} (for example {@code realm-management}). */
    public static void grantClientRoles(Keycloak admin, String realm, String userId, String clientId, String... roles) {
        RealmResource resource = admin.realm(realm);
        String client = resource.clients().findByClientId(clientId).get(0).getId();
        List<RoleRepresentation> granted = Arrays.stream(roles)
                .map(role -> resource.clients().get(client).roles().get(role).toRepresentation())
                .toList();
        resource.users().get(userId).roles().clientLevel(client).add(granted);
    }

    /** The access token a user gets from the realm's {@code admin-cli} with the password grant, as a script would. */
    public static String adminCliToken(String realm, String username, String password) {
        OidcClient.Response tokens =
                new OidcClient(Fixtures.realmUrl(realm)).passwordGrant("admin-cli", username, password);
        assertEquals(200, tokens.status(), tokens.body());
        return tokens.field("access_token");
    }

    /** The user's password credential, failing unless there is exactly one. */
    public static CredentialRepresentation passwordCredential(Keycloak admin, String realm, String userId) {
        List<CredentialRepresentation> passwords = admin.realm(realm).users().get(userId).credentials().stream()
                .filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .toList();
        assertEquals(1, passwords.size(), "exactly one password credential");
        return passwords.get(0);
    }
}
