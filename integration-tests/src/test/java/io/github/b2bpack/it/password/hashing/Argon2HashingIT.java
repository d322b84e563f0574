package io.github.b2bpack.it.password.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * {@code argon2-native} in the running distribution: it takes over from (and hands back to) the
 * built-in {@code argon2} at login, verifies hashes in the built-in layout, rotates peppers at login
 * and reports the rotation state, survives hostile passwords, and never logs a secret.
 * <p>
 * Server options (server-options/password-hashing.properties): peppers it-k1 and it-k2, current it-k2.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Argon2HashingIT extends Argon2NativeItBase {

    private static final String REALM = "argon2-native-it";
    private static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PEPPER_K1 = "IT-pepper-one-0123456789";
    private static final String PEPPER_K2 = "IT-pepper-two-9876543210";
    private static final String SWITCH_PASSWORD = "Switch-Algorithms-Pass-0";
    // Precomputed with argon2-native's NativeArgon2 (byte-identical to BouncyCastle, see NativeArgon2Test):
    private static final String BUILTIN_PASSWORD = "Imported-Builtin-Layout-1";
    private static final String BUILTIN_SALT = "c2FsdC1idWlsdGluLTAwMQ==";
    private static final String BUILTIN_HASH = "CgnlAYFi36jLLSvpgA+/vtpf11gxmLp+fiW36yfR+wU=";
    private static final String OLD_PEPPER_PASSWORD = "Old-Pepper-Password-2";
    private static final String OLD_PEPPER_SALT = "c2FsdC1vbGRwZXBwZXIwMQ==";
    private static final String OLD_PEPPER_HASH = "hZUAbUgQR+kvPlZJkvPZL07TkYDmaCX+DoUaS/xc/8I=";
    private static final String FOR_BUILTIN_PASSWORD = "Native-For-Builtin-3";
    private static final String FOR_BUILTIN_SALT = "c2FsdC1uYXQ0YnVpbHRu";
    private static final String FOR_BUILTIN_HASH = "x45P7+LBzjp+q2aooNeE2Qsv3vDpKMonkv97WslIPvo=";
    private static final String ODD_MARKER = "Zq7-odd-marker";

    /** Every secret the tests use, for the final log check. */
    private static final List<String> SECRETS = List.of(
            PEPPER_K1,
            PEPPER_K2,
            SWITCH_PASSWORD,
            BUILTIN_PASSWORD,
            OLD_PEPPER_PASSWORD,
            FOR_BUILTIN_PASSWORD,
            ODD_MARKER);

    Argon2HashingIT() {
        super(REALM);
    }

    @Test
    @Order(1)
    void loginMovesCredentialsBetweenBuiltInArgon2AndArgon2Native() {
        realm.setPolicy("hashAlgorithm(argon2)");
        String id = realm.createUser("switcher", SWITCH_PASSWORD);
        assertEquals("argon2", realm.credentialData(id).get("algorithm").asText());

        realm.setPolicy("hashAlgorithm(argon2-native)");
        assertLogin("switcher", SWITCH_PASSWORD);
        JsonNode upgraded = realm.credentialData(id);
        assertEquals("argon2-native", upgraded.get("algorithm").asText(), upgraded.toString());
        assertEquals(2, upgraded.get("hashIterations").asInt());
        JsonNode parameters = upgraded.get("additionalParameters");
        assertEquals("id", parameters.get("type").get(0).asText());
        assertEquals("1.3", parameters.get("version").get(0).asText());
        assertEquals("32", parameters.get("hashLength").get(0).asText());
        assertEquals("19456", parameters.get("memory").get(0).asText());
        assertEquals("1", parameters.get("parallelism").get(0).asText());
        assertEquals("it-k2", parameters.get("pepperId").get(0).asText());
        assertLogin("switcher", SWITCH_PASSWORD);
        assertRefused("switcher", SWITCH_PASSWORD + "!");

        realm.setPolicy("hashAlgorithm(argon2)");
        assertLogin("switcher", SWITCH_PASSWORD);
        JsonNode back = realm.credentialData(id);
        assertEquals("argon2", back.get("algorithm").asText(), back.toString());
        assertFalse(back.get("additionalParameters").has("pepperId"));
        assertLogin("switcher", SWITCH_PASSWORD);
    }

    @Test
    @Order(2)
    void importedHashesVerifyAcrossProvidersAndOldPeppersRotateAtLogin() throws Exception {
        String builtInLayout = importUser("builtin-layout", "argon2-native", 5, 7168, null, BUILTIN_SALT, BUILTIN_HASH);
        String oldPepper =
                importUser("old-pepper", "argon2-native", 2, 19456, "it-k1", OLD_PEPPER_SALT, OLD_PEPPER_HASH);
        String forBuiltIn =
                importUser("native-for-builtin", "argon2", 5, 7168, null, FOR_BUILTIN_SALT, FOR_BUILTIN_HASH);

        JsonNode before = rotationReport(adminToken());
        assertEquals(3, before.get("passwordCredentials").asInt(), before.toString());
        assertEquals(1, before.get("byPepperId").get("it-k1").asInt(), before.toString());
        assertEquals(1, before.get("withoutPepper").asInt(), before.toString());
        assertEquals(0, before.get("onCurrentPepper").asInt(), before.toString());
        assertEquals("it-k2", before.get("currentPepperId").asText());
        assertEquals(
                List.of("it-k1", "it-k2"),
                List.of(
                        before.get("configuredPepperIds").get(0).asText(),
                        before.get("configuredPepperIds").get(1).asText()));

        // Built-in layout (7168/5/1, no pepper) verified by argon2-native, then re-hashed at the current cost and
        // pepper.
        assertRefused("builtin-layout", BUILTIN_PASSWORD + "x");
        assertLogin("builtin-layout", BUILTIN_PASSWORD);
        JsonNode moved = realm.credentialData(builtInLayout);
        assertEquals(
                "19456", moved.get("additionalParameters").get("memory").get(0).asText(), moved.toString());
        assertEquals(
                "it-k2",
                moved.get("additionalParameters").get("pepperId").get(0).asText());

        // A hash under the retired key it-k1 still verifies and moves to it-k2.
        assertLogin("old-pepper", OLD_PEPPER_PASSWORD);
        assertEquals(
                "it-k2",
                realm.credentialData(oldPepper)
                        .get("additionalParameters")
                        .get("pepperId")
                        .get(0)
                        .asText());

        // A hash computed by native libargon2, stored as the built-in argon2's: Keycloak's BouncyCastle verifies it.
        assertLogin("native-for-builtin", FOR_BUILTIN_PASSWORD);
        assertEquals(
                "argon2-native",
                realm.credentialData(forBuiltIn).get("algorithm").asText());

        JsonNode after = rotationReport(adminToken());
        assertEquals(3, after.get("byPepperId").get("it-k2").asInt(), after.toString());
        assertFalse(after.get("byPepperId").has("it-k1"), after.toString());
        assertEquals(3, after.get("onCurrentPepper").asInt(), after.toString());
        assertEquals(3, after.get("byAlgorithm").get("argon2-native").asInt(), after.toString());
    }

    @Test
    @Order(3)
    void rotationReportNeedsARealmViewer() throws Exception {
        realm.createUser("plain-user", SWITCH_PASSWORD);
        assertEquals(401, pepperRotation(null).status());
        String userToken = assertLogin("plain-user", SWITCH_PASSWORD).field("access_token");
        assertEquals(403, pepperRotation(userToken).status());
        assertEquals(1, rotationReport(adminToken()).get("passwordCredentials").asInt());
    }

    @Test
    @Order(4)
    void hostilePasswordsGetAPolicyErrorOrWorkNeverA500() {
        String id = realm.createUser("odd", SWITCH_PASSWORD);
        String megabyte = ODD_MARKER + "m".repeat(1 << 20);
        List<String> odd = List.of(
                "",
                ODD_MARKER + "\u0000nul",
                ODD_MARKER + "\uD800lone",
                ODD_MARKER + "\uDC00\uD800",
                ODD_MARKER + "\u200F\u202Ertl",
                ODD_MARKER + "🔐🦄👩‍👩‍👧",
                megabyte);
        List<String> outcomes = new ArrayList<>();
        for (String password : odd) {
            int status = resetPassword(id, password);
            outcomes.add(password.length() + " chars -> " + status);
            assertTrue(status == 204 || status == 400, outcomes.toString());
            if (status == 204
                    && password.length() < 1000
                    && !password.contains("\uD800")
                    && !password.contains("\uDC00")) {
                // Well-formed text travels through the form encoding unchanged: the user logs in with it.
                assertLogin("odd", password);
            }
            if (status == 204) {
                OidcClient.Response login = oidc.passwordGrant(CLIENT, "odd", password);
                assertTrue(login.status() < 500, password.length() + " chars -> login " + login.status());
            }
        }
        System.out.println("argon2-native hostile passwords (reset-password status): " + outcomes);
        // The server is still healthy and hashing.
        assertEquals(204, resetPassword(id, SWITCH_PASSWORD));
        assertLogin("odd", SWITCH_PASSWORD);
    }

    @Test
    @Order(5)
    void theServerLogHoldsNoPasswordAndNoPepper() throws IOException {
        String text = ServerLog.read();
        assertTrue(text.contains("argon2-native"), "the provider logged its startup line");
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "server log contains a test secret of " + secret.length() + " chars");
        }
    }

    // --- helpers ---

    /** A user whose password credential is an Argon2id hash with one lane, stored as the admin API imports it. */
    private String importUser(
            String username, String algorithm, int iterations, int memory, String pepperId, String salt, String hash) {
        return realm.importUser(
                username, new Argon2Realm.StoredHash(algorithm, iterations, memory, 1, pepperId, salt, hash));
    }

    private int resetPassword(String userId, String password) {
        CredentialRepresentation credential = Fixtures.password(password);
        try {
            admin.realm(REALM).users().get(userId).resetPassword(credential);
            return 204;
        } catch (WebApplicationException e) {
            return e.getResponse().getStatus();
        }
    }

    private OidcClient.Response assertLogin(String username, String password) {
        OidcClient.Response tokens = oidc.passwordGrant(CLIENT, username, password);
        assertEquals(200, tokens.status(), username + ": " + tokens.body());
        return tokens;
    }

    private void assertRefused(String username, String password) {
        OidcClient.Response refused = oidc.passwordGrant(CLIENT, username, password);
        // Keycloak 26.7 answers a wrong password with 400 invalid_grant (older versions used 401).
        assertTrue(refused.status() == 400 || refused.status() == 401, refused.body());
        assertEquals("invalid_grant", refused.field("error"));
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    private JsonNode rotationReport(String token) throws IOException {
        OidcClient.Response response = pepperRotation(token);
        assertEquals(200, response.status(), response.body());
        return JSON.readTree(response.body());
    }

    /** {@code GET /admin/realms/{realm}/password-hashing/pepper-rotation} with the bearer {@code token} (null: none). */
    private static OidcClient.Response pepperRotation(String token) {
        String url = SERVER + "/admin/realms/" + REALM + "/password-hashing/pepper-rotation";
        return new BearerHttp(url, () -> token, Duration.ofSeconds(30)).get("");
    }
}
