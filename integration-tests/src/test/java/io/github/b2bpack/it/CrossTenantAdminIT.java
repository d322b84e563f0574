package io.github.b2bpack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Tenant isolation of every realm-scoped admin endpoint the pack adds: the full administrator of one
 * organization's realm ({@code realm-admin} there) gets 401/403 on another realm's pack endpoints, and
 * 2xx on its own (so the refusals are not a broken token). The organization API under master has its own
 * table in {@code OrgAuthorizationIT}.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class CrossTenantAdminIT {

    private static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    private static final String VICTIM = "tenant-a-it";
    private static final String ATTACKER = "tenant-b-it";
    private static final String PASSWORD = "Attacker-Admin-Pass-2026!";

    @InjectAdminClient
    Keycloak admin;

    private String victimUserId;
    private String attackerUserId;

    @BeforeEach
    void createTwoTenants() {
        victimUserId = createRealmWithAdmin(VICTIM);
        attackerUserId = createRealmWithAdmin(ATTACKER);
    }

    @AfterEach
    void dropTenants() {
        admin.realm(VICTIM).remove();
        admin.realm(ATTACKER).remove();
    }

    @Test
    void anotherTenantsAdministratorGetsNothingFromThePacksRealmEndpoints() {
        String token = Users.adminCliToken(ATTACKER, "tenant-admin", PASSWORD);

        // Control: the same token administers its own realm through the same endpoints.
        Map<String, Integer> own = table(token, ATTACKER, attackerUserId);
        own.forEach((call, status) ->
                assertTrue(status != 401 && status != 403 && status < 500, "own realm " + call + " -> " + status));

        Map<String, Integer> other = table(token, VICTIM, victimUserId);
        List<String> leaks = new ArrayList<>();
        other.forEach((call, status) -> {
            if (status != 401 && status != 403) {
                leaks.add(call + " -> " + status);
            }
        });
        assertTrue(leaks.isEmpty(), "another tenant's admin reached: " + leaks + " (all: " + other + ")");
        // Keycloak's own user list, as the reference for what "refused" looks like here.
        assertEquals(403, call(token, "GET", "/admin/realms/" + VICTIM + "/users", null));
    }

    /** Every realm-scoped pack endpoint, by method and path, with the status it answered. */
    private Map<String, Integer> table(String token, String realm, String userId) {
        String base = "/admin/realms/" + realm;
        Map<String, Integer> statuses = new LinkedHashMap<>();
        String[][] calls = {
            {"GET", base + "/sms-otp/users/" + userId, null},
            {"POST", base + "/sms-otp/users/" + userId + "/force-enroll", ""},
            {"GET", base + "/webhooks", null},
            {
                "POST",
                base + "/webhooks",
                "{\"name\":\"x\",\"target_url\":\"http://127.0.0.1:8502/hook\",\"event_codes\":[\"*\"]}"
            },
            {"GET", base + "/webhook-events", null},
            {"POST", base + "/webhook-events/trigger-test", "{\"event_code\":\"user.login.success\"}"},
            {"GET", base + "/password-hashing/pepper-rotation", null},
            {"DELETE", base + "/sms-otp/users/" + userId, null},
        };
        for (String[] c : calls) {
            statuses.put(
                    c[0] + " " + c[1].replace(realm, "{realm}").replace(userId, "{user}"),
                    call(token, c[0], c[1], c[2]));
        }
        return statuses;
    }

    private static int call(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return OidcClient.send(request.build()).status();
    }

    /** A realm with one user holding {@code realm-management/realm-admin}, its full administrator. */
    private String createRealmWithAdmin(String name) {
        admin.realms().create(Fixtures.enabledRealm(name));
        String userId = Users.create(
                admin,
                name,
                Fixtures.userWithPassword("tenant-admin", "admin@" + name + ".example", "Tenant", "Admin", PASSWORD));
        Users.grantClientRoles(admin, name, userId, "realm-management", "realm-admin");
        return userId;
    }
}
