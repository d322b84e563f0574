package io.github.b2bpack.it.password.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * An imported {@code argon2-native} credential chooses its own cost: a tenant admin (or a crafted import
 * file) could store passes, memory or lanes far above the server's, and every login attempt, even with a
 * wrong password, would make the server compute it (CPU, native memory). Credentials above the server-wide
 * maxima (defaults: 4x the configured memory, 10 passes, 4 lanes) fail like a wrong password without being
 * computed, with a warning; a realm policy {@code hashIterations(n)} above the maximum is clamped to it.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class Argon2CostCapIT {

    private static final String REALM = "argon2-cost-cap";
    private static final String CLIENT = "cli";
    private static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Any 16-byte salt and 32-byte hash: the tests only time how long a (failing) check takes. */
    private static final String SALT = "c2FsdC1jb3N0LWNhcC0wMQ==";

    private static final String HASH = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String PASSWORD = "Cost-Cap-Attempt-7";
    private static final int ATTEMPTS = 3;

    @InjectAdminClient
    Keycloak admin;

    private final OidcClient oidc = new OidcClient(SERVER + "/realms/" + REALM);

    @BeforeEach
    void createRealm() {
        RealmRepresentation realm = Fixtures.enabledRealm(REALM);
        realm.setPasswordPolicy("hashAlgorithm(argon2-native)");
        admin.realms().create(realm);
        admin.realm(REALM)
                .clients()
                .create(Fixtures.publicDirectGrantClient(CLIENT))
                .close();
    }

    @AfterEach
    void dropRealm() {
        admin.realm(REALM).remove();
    }

    @Test
    void importedCostsAboveTheServerMaximaFailLikeAWrongPasswordWithoutBeingComputed() throws IOException {
        importUser("baseline", 2, 19456, 1);
        String passes = importUser("over-passes", 100, 19456, 1);
        String memory = importUser("over-memory", 1, 262144, 1);
        String lanes = importUser("over-lanes", 2, 19456, 16);
        importUser("absurd", 1_000_000, 4 * 1024 * 1024, 1);

        long baseline = failedLoginMillis("baseline");
        long overPasses = failedLoginMillis("over-passes");
        long overMemory = failedLoginMillis("over-memory");
        long overLanes = failedLoginMillis("over-lanes");
        long absurd = failedLoginMillis("absurd");
        System.out.printf(
                "argon2-native failed login, median of %d (ms): baseline t=2 m=19456 p=1: %d; t=100: %d (x%.1f); "
                        + "m=262144: %d (x%.1f); p=16: %d (x%.1f); t=1000000 m=4GiB: %d%n",
                ATTEMPTS,
                baseline,
                overPasses,
                ratio(overPasses, baseline),
                overMemory,
                ratio(overMemory, baseline),
                overLanes,
                ratio(overLanes, baseline),
                absurd);

        long bound = 3 * baseline + 150;
        assertTrue(
                overPasses < bound, "t=100 took " + overPasses + " ms, baseline " + baseline + " ms: it was computed");
        assertTrue(
                overMemory < bound,
                "m=256 MiB took " + overMemory + " ms, baseline " + baseline + " ms: it was computed");
        assertTrue(overLanes < bound, "p=16 took " + overLanes + " ms, baseline " + baseline + " ms: it was computed");

        String log = ServerLog.read();
        for (String credential :
                List.of(passwordCredentialId(passes), passwordCredentialId(memory), passwordCredentialId(lanes))) {
            assertTrue(
                    log.contains("argon2-native: stored credential " + credential + " exceeds the server's maximum"),
                    "a warning names credential " + credential);
        }
        assertFalse(log.contains(PASSWORD), "the attempted password reached the log");
    }

    @Test
    void aRealmPolicyCannotAskForMorePassesThanTheServerMaximum() throws IOException {
        String id = createUser("policy-user");
        setPolicy("hashAlgorithm(argon2-native) and hashIterations(100)");
        long started = System.nanoTime();
        admin.realm(REALM).users().get(id).resetPassword(Fixtures.password(PASSWORD));
        long resetMillis = (System.nanoTime() - started) / 1_000_000;
        JsonNode data = credentialData(id);
        System.out.printf(
                "argon2-native with hashIterations(100): stored t=%d, reset-password took %d ms%n",
                data.get("hashIterations").asInt(), resetMillis);
        assertEquals(10, data.get("hashIterations").asInt(), data.toString());
        assertEquals(200, oidc.passwordGrant(CLIENT, "policy-user", PASSWORD).status());
        assertEquals(10, credentialData(id).get("hashIterations").asInt(), "no re-hash loop at login");

        setPolicy("hashAlgorithm(argon2-native) and hashIterations(4)"); // within the maximum: used as is
        assertEquals(200, oidc.passwordGrant(CLIENT, "policy-user", PASSWORD).status());
        assertEquals(4, credentialData(id).get("hashIterations").asInt());
    }

    private static double ratio(long value, long baseline) {
        return value / (double) Math.max(1, baseline);
    }

    /** Median duration of a failing password grant (the hashes never match). */
    private long failedLoginMillis(String username) {
        long[] millis = new long[ATTEMPTS];
        for (int i = 0; i < ATTEMPTS; i++) {
            long started = System.nanoTime();
            OidcClient.Response response = oidc.passwordGrant(CLIENT, username, PASSWORD);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            assertEquals(400, response.status(), username + ": " + response.body());
            assertEquals("invalid_grant", response.field("error"));
        }
        java.util.Arrays.sort(millis);
        return millis[ATTEMPTS / 2];
    }

    private String importUser(String username, int iterations, int memory, int parallelism) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@example.com");
        user.setFirstName("Imported");
        user.setLastName("User");
        user.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setCredentialData(
                "{\"hashIterations\":" + iterations + ",\"algorithm\":\"argon2-native\",\"additionalParameters\":{"
                        + "\"type\":[\"id\"],\"version\":[\"1.3\"],\"hashLength\":[\"32\"],\"memory\":[\"" + memory
                        + "\"],\"parallelism\":[\""
                        + parallelism + "\"]}}");
        credential.setSecretData("{\"value\":\"" + HASH + "\",\"salt\":\"" + SALT + "\",\"additionalParameters\":{}}");
        user.setCredentials(List.of(credential));
        try (Response created = admin.realm(REALM).users().create(user)) {
            assertEquals(201, created.getStatus());
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private String createUser(String username) {
        UserRepresentation user =
                Fixtures.userWithPassword(username, username + "@example.com", "Test", "User", PASSWORD);
        try (Response created = admin.realm(REALM).users().create(user)) {
            assertEquals(201, created.getStatus());
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private void setPolicy(String policy) {
        RealmRepresentation realm = admin.realm(REALM).toRepresentation();
        realm.setPasswordPolicy(policy);
        admin.realm(REALM).update(realm);
    }

    private String passwordCredentialId(String userId) {
        return admin.realm(REALM).users().get(userId).credentials().stream()
                .filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .findFirst()
                .orElseThrow()
                .getId();
    }

    private JsonNode credentialData(String userId) throws IOException {
        CredentialRepresentation password = admin.realm(REALM).users().get(userId).credentials().stream()
                .filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .findFirst()
                .orElseThrow();
        return JSON.readTree(password.getCredentialData());
    }
}
