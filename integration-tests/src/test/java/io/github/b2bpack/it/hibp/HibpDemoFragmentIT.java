package io.github.b2bpack.it.hibp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import io.github.b2bpack.testsupport.FakePorts;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The realm JSON fragment documented in docs/hibp-policy.md (policy, browser and direct-grant flows
 * with the check) imports as a realm, keeps Keycloak's built-in flows, and works.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class HibpDemoFragmentIT {

    private static final String REALM = "hibp-demo";

    /** Same as the "Example realm fragment" of docs/hibp-policy.md, plus a realm name and a client. */
    static final String FRAGMENT = """
            {
              "realm": "hibp-demo",
              "enabled": true,
              "passwordPolicy": "length(12) and hibp(1)",
              "browserFlow": "browser-hibp",
              "directGrantFlow": "direct-grant-hibp",
              "clients": [
                {"clientId": "web-app", "publicClient": true, "standardFlowEnabled": true, "directAccessGrantsEnabled": true,
                 "redirectUris": ["https://localhost:8443/realms/hibp-demo/*", "http://localhost:8080/realms/hibp-demo/*"]}
              ],
              "authenticationFlows": [
                {
                  "alias": "browser-hibp", "providerId": "basic-flow", "topLevel": true, "builtIn": false,
                  "authenticationExecutions": [
                    {"authenticator": "auth-cookie", "requirement": "ALTERNATIVE", "priority": 10, "authenticatorFlow": false},
                    {"flowAlias": "browser-hibp forms", "requirement": "ALTERNATIVE", "priority": 20, "authenticatorFlow": true}
                  ]
                },
                {
                  "alias": "browser-hibp forms", "providerId": "basic-flow", "topLevel": false, "builtIn": false,
                  "authenticationExecutions": [
                    {"authenticator": "auth-username-password-form", "requirement": "REQUIRED", "priority": 10, "authenticatorFlow": false},
                    {"authenticator": "breached-password-check", "requirement": "REQUIRED", "priority": 20, "authenticatorFlow": false}
                  ]
                },
                {
                  "alias": "direct-grant-hibp", "providerId": "basic-flow", "topLevel": true, "builtIn": false,
                  "authenticationExecutions": [
                    {"authenticator": "direct-grant-validate-username", "requirement": "REQUIRED", "priority": 10, "authenticatorFlow": false},
                    {"authenticator": "direct-grant-validate-password", "requirement": "REQUIRED", "priority": 20, "authenticatorFlow": false},
                    {"authenticator": "breached-password-check", "authenticatorConfig": "hibp-direct-grant", "requirement": "REQUIRED", "priority": 30, "authenticatorFlow": false}
                  ]
                }
              ],
              "authenticatorConfig": [
                {"alias": "hibp-direct-grant", "config": {"directGrantAction": "refuse", "failureMode": "server"}}
              ]
            }
            """;

    private static FakeHibpRangeApi fake;

    @InjectAdminClient
    Keycloak admin;

    @BeforeAll
    static void startFake() {
        fake = new FakeHibpRangeApi(FakePorts.HIBP_RANGE_API);
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @Test
    void fragmentImportsKeepsBuiltInFlowsAndRefusesBreachedPasswords() throws Exception {
        admin.realms().create(new ObjectMapper().readValue(FRAGMENT, RealmRepresentation.class));
        try {
            List<String> flows = admin.realm(REALM).flows().getFlows().stream()
                    .map(AuthenticationFlowRepresentation::getAlias)
                    .toList();
            assertTrue(
                    flows.containsAll(List.of(
                            "browser-hibp", "direct-grant-hibp", "browser", "registration", "reset credentials")),
                    flows.toString());

            String pwned = HibpRealms.freshPassword("Demo-pwned");
            String clean = HibpRealms.freshPassword("Demo-clean");
            fake.addPassword(pwned, 4);
            String userId = HibpRealms.createUser(admin, REALM, "lena", clean);

            CredentialRepresentation credential = Fixtures.password(pwned);
            assertThrows(
                    BadRequestException.class,
                    () -> admin.realm(REALM).users().get(userId).resetPassword(credential));

            OidcClient oidc = new OidcClient(HibpRealms.SERVER + "/realms/" + REALM);
            assertEquals(200, oidc.passwordGrant("web-app", "lena", clean).status());

            // A breached password that predates the policy (imported, or set before hibp was added).
            RealmRepresentation realm = admin.realm(REALM).toRepresentation();
            realm.setPasswordPolicy("length(12)");
            admin.realm(REALM).update(realm);
            admin.realm(REALM).users().get(userId).resetPassword(credential);
            OidcClient.Response refused = oidc.passwordGrant("web-app", "lena", pwned);
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.field("error_description").contains("data breach"), refused.body());
        } finally {
            admin.realm(REALM).remove();
        }
    }
}
