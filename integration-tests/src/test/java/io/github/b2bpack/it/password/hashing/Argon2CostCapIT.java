package io.github.b2bpack.it.password.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * An imported {@code argon2-native} credential chooses its own cost: a tenant admin (or a crafted import
 * file) could store passes, memory or lanes far above the server's, and every login attempt, even with a
 * wrong password, would make the server compute it (CPU, native memory). Credentials above the server-wide
 * maxima (defaults: 4x the configured memory, 10 passes, 4 lanes) fail like a wrong password without being
 * computed, with a warning; a realm policy {@code hashIterations(n)} above the maximum is clamped to it.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class Argon2CostCapIT extends Argon2NativeItBase {

    /** Any 16-byte salt and 32-byte hash: the tests only time how long a (failing) check takes. */
    private static final String SALT = "c2FsdC1jb3N0LWNhcC0wMQ==";

    private static final String HASH = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String PASSWORD = "Cost-Cap-Attempt-7";
    private static final int ATTEMPTS = 3;

    Argon2CostCapIT() {
        super("argon2-cost-cap");
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
        for (String credential : List.of(credentialId(passes), credentialId(memory), credentialId(lanes))) {
            assertTrue(
                    log.contains("argon2-native: stored credential " + credential + " exceeds the server's maximum"),
                    "a warning names credential " + credential);
        }
        assertFalse(log.contains(PASSWORD), "the attempted password reached the log");
    }

    @Test
    void aRealmPolicyCannotAskForMorePassesThanTheServerMaximum() {
        String id = realm.createUser("policy-user", PASSWORD);
        realm.setPolicy("hashAlgorithm(argon2-native) and hashIterations(100)");
        long started = System.nanoTime();
        admin.realm(realm.name).users().get(id).resetPassword(Fixtures.password(PASSWORD));
        long resetMillis = (System.nanoTime() - started) / 1_000_000;
        JsonNode data = realm.credentialData(id);
        System.out.printf(
                "argon2-native with hashIterations(100): stored t=%d, reset-password took %d ms%n",
                data.get("hashIterations").asInt(), resetMillis);
        assertEquals(10, data.get("hashIterations").asInt(), data.toString());
        assertEquals(200, oidc.passwordGrant(CLIENT, "policy-user", PASSWORD).status());
        assertEquals(10, realm.credentialData(id).get("hashIterations").asInt(), "no re-hash loop at login");

        realm.setPolicy("hashAlgorithm(argon2-native) and hashIterations(4)"); // within the maximum: used as is
        assertEquals(200, oidc.passwordGrant(CLIENT, "policy-user", PASSWORD).status());
        assertEquals(4, realm.credentialData(id).get("hashIterations").asInt());
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
        return realm.importUser(
                username,
                new Argon2Realm.StoredHash("argon2-native", iterations, memory, parallelism, null, SALT, HASH));
    }

    private String credentialId(String userId) {
        return realm.passwordCredential(userId).getId();
    }
}
