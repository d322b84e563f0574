package io.github.b2bpack.it.hibp;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import java.util.List;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

/** Shared set-up of the Hibp ITs: clients, users, fresh passwords and the log check. */
final class HibpRealms {

    static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    static final String CLIENT = "web-app";

    private HibpRealms() {}

    static void createClient(Keycloak admin, String realm, String clientId) {
        admin.realm(realm)
                .clients()
                .create(Fixtures.browserAndDirectGrantClient(clientId, realm))
                .close();
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
        return Users.create(admin, realm, user);
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
