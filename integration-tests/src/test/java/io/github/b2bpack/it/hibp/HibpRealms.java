package io.github.b2bpack.it.hibp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Shared set-up of the Hibp ITs: clients, users, fresh passwords and the log check. */
final class HibpRealms {

    static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    static final String CLIENT = "web-app";

    private HibpRealms() {}

    static String redirect(String realm) {
        return SERVER + "/realms/" + realm + "/.well-known/openid-configuration";
    }

    static void createClient(Keycloak admin, String realm, String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(SERVER + "/realms/" + realm + "/*"));
        admin.realm(realm).clients().create(client).close();
    }

    /** A password nobody has used yet: a prefix the lookup cache has not seen. */
    static String freshPassword(String label) {
        return label + "-" + UUID.randomUUID();
    }

    static String createUser(
            Keycloak admin, String realm, String username, String password, String... requiredActions) {
        UserRepresentation user =
                Fixtures.userWithPassword(username, username + "@example.com", "Test", "User", password);
        user.setRequiredActions(List.of(requiredActions));
        if (password == null) {
            user.setCredentials(null);
        }
        try (Response created = admin.realm(realm).users().create(user)) {
            assertEquals(201, created.getStatus(), "create " + username);
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    /** Neither the passwords nor their SHA-1 (whole or suffix) may ever reach the server log. */
    static void assertLogHoldsNoSecret(List<String> passwords) throws Exception {
        String text = ServerLog.read(); // fails when the log is missing: no log is no proof
        for (String password : passwords) {
            String sha1 = FakeHibpRangeApi.sha1Hex(password);
            assertFalse(text.contains(password), "a password reached the server log");
            assertFalse(text.toUpperCase().contains(sha1.substring(5)), "a password hash reached the server log");
        }
    }
}
