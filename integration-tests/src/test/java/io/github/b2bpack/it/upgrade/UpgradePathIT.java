package io.github.b2bpack.it.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.support.OidcClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link UpgradeItBase} on PostgreSQL, then the secrets handed over both ways operators should: the first start took
 * them from environment variables, the second takes them from a config keystore whose it-k2 pepper is wrong. Neither
 * start has a secret on its command line, and none shows in the console or the process list.
 */
class UpgradePathIT extends UpgradeItBase {

    private static final String PEPPERS = "spi-password-hashing--argon2-native--peppers";
    private static final String CURRENT_PEPPER = "spi-password-hashing--argon2-native--current-pepper-id";

    UpgradePathIT() {
        super("postgres");
    }

    @Test
    @Order(5)
    void secretsFromTheEnvironmentShowNeitherInTheLogNorInTheProcessList() throws Exception {
        assertEquals(List.of(), SecretLeaks.find(server.node().home(), secretValues(UpgradeServer.itSecrets())));
    }

    /**
     * A second start with the secrets in a config keystore instead: it-k2 (the old user's pepper) has a wrong value,
     * it-k3 is new and current. A user created now is hashed under it-k3 and logs in, so the keystore's peppers are
     * used; the old user's login fails, so a wrong pepper is not silently ignored; the old webhook still signs, so
     * the encryption key came from the keystore too.
     */
    @Test
    @Order(6)
    void secretsFromTheConfigKeystore() throws Exception {
        server.stop();
        Map<String, String> secrets = new LinkedHashMap<>(UpgradeServer.itSecrets());
        secrets.put(PEPPERS, "it-k2:wrong-pepper-for-it-k2-000000,it-k3:keystore-pepper-it-k3-111111");
        secrets.put(CURRENT_PEPPER, "it-k3");
        String storePassword = "keystore-password-" + Long.toHexString(System.nanoTime());
        Path keystore = ConfigKeystore.create(root.resolve("keycloak-conf.p12"), storePassword, secrets);
        long t = System.nanoTime();
        server.start(List.of("--config-keystore=" + keystore), Map.of(ConfigKeystore.PASSWORD_ENV, storePassword));
        log("restarted with the secrets from the config keystore in %d ms", (System.nanoTime() - t) / 1_000_000);

        String user = "keystore-user";
        String password = "Keystore-Password-2";
        OidcClient.Response created = admin.post(
                "/" + fixture.realm() + "/users",
                "{\"username\":\"" + user + "\",\"enabled\":true,\"email\":\"" + user
                        + "@upgrade-corp.example\",\"firstName\":\"Key\",\"lastName\":\"Store\",\"emailVerified\":true,"
                        + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + password
                        + "\",\"temporary\":false}]}");
        assertEquals(201, created.status(), created.body());
        OidcClient.Response found = admin.get("/" + fixture.realm() + "/users?exact=true&username=" + user);
        String id = found.json().get(0).get("id").asText();
        String credentialData = admin.get("/" + fixture.realm() + "/users/" + id + "/credentials")
                .json()
                .get(0)
                .get("credentialData")
                .asText();
        assertTrue(credentialData.contains("\"pepperId\":[\"it-k3\"]"), credentialData);

        Set<String> before = deliveryIds();
        OidcClient.Response login = realm.passwordGrant(fixture.client(), user, password);
        assertEquals(200, login.status(), login.body());
        assertSignedWithTheOldKey(awaitDelivery(r -> !before.contains(r.header("webhook-id"))));

        OidcClient.Response old = realm.passwordGrant(fixture.client(), fixture.user(), fixture.userPassword());
        // Keycloak 26.7's answer to a wrong password: the pepper mismatch looks exactly like one.
        assertEquals(400, old.status(), old.body());
        assertEquals("invalid_grant", old.field("error"), old.body());
        assertEquals("Invalid user credentials", old.field("error_description"), old.body());

        List<String> values = secretValues(secrets);
        values.add(storePassword);
        assertEquals(List.of(), SecretLeaks.find(server.node().home(), values));
    }

    /** The pepper values (not their ids) and the encryption key: what must never leak. */
    private static List<String> secretValues(Map<String, String> secrets) {
        List<String> values = new ArrayList<>();
        for (String pepper : secrets.get(PEPPERS).split(",")) {
            values.add(pepper.substring(pepper.indexOf(':') + 1));
        }
        values.add(secrets.get("spi-events-listener--webhooks--encryption-key"));
        return values;
    }
}
