package io.github.b2bpack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The harness proven with Keycloak's own features: a realm and a user created through the admin
 * REST API, a login through the login page in headless Chromium, and tokens from the token endpoint.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class BrowserLoginIT {

    private static final String REALM = "harness";
    private static final String CLIENT = "web-app";
    private static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    private static final String REDIRECT = SERVER + "/realms/" + REALM + "/.well-known/openid-configuration";

    @InjectAdminClient
    Keycloak admin;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @BeforeEach
    void createRealmClientAndUser() {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(REALM);
        realm.setEnabled(true);
        admin.realms().create(realm);

        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(SERVER + "/realms/" + REALM + "/*"));
        admin.realm(REALM).clients().create(client).close();

        UserRepresentation user =
                Fixtures.userWithPassword("alice", "alice@example.com", "Alice", "Martin", "Correct-Horse-Battery-9");
        try (Response created = admin.realm(REALM).users().create(user)) {
            assertEquals(201, created.getStatus());
            assertNotNull(CreatedResponseUtil.getCreatedId(created));
        }
    }

    @AfterEach
    void dropRealm() {
        admin.realm(REALM).remove();
    }

    @Test
    void wrongPasswordShowsTheLoginErrorInChromium() {
        OidcClient oidc = new OidcClient(SERVER + "/realms/" + REALM);
        driver.open(oidc.authorizationUrl(CLIENT, REDIRECT));
        loginPage.fillLogin("alice", "not-her-password");
        loginPage.submit();
        assertTrue(
                loginPage.getUsernameInputError().contains("Invalid username or password"),
                loginPage.getUsernameInputError());
    }

    @Test
    void userLogsInThroughTheLoginPageAndTheCodeBuysTokens() {
        OidcClient oidc = new OidcClient(SERVER + "/realms/" + REALM);
        driver.open(oidc.authorizationUrl(CLIENT, REDIRECT));
        loginPage.fillLogin("alice", "Correct-Horse-Battery-9");
        loginPage.submit();

        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        String code = queryParam(driver.getCurrentUrl(), "code");

        OidcClient.Response tokens = oidc.authorizationCodeGrant(CLIENT, code, REDIRECT);
        assertEquals(200, tokens.status(), tokens.body());
        String accessToken = tokens.field("access_token");
        assertNotNull(accessToken);

        OidcClient.Response userInfo = oidc.userInfo(accessToken);
        assertEquals(200, userInfo.status(), userInfo.body());
        assertEquals("alice", userInfo.field("preferred_username"));
    }

    @Test
    void directGrantReturnsTokens() {
        OidcClient oidc = new OidcClient(SERVER + "/realms/" + REALM);
        OidcClient.Response tokens = oidc.passwordGrant(CLIENT, "alice", "Correct-Horse-Battery-9");
        assertEquals(200, tokens.status(), tokens.body());
        assertNotNull(tokens.field("access_token"));

        OidcClient.Response refused = oidc.passwordGrant(CLIENT, "alice", "wrong");
        assertTrue(refused.status() == 400 || refused.status() == 401, refused.body());
        assertEquals("invalid_grant", refused.field("error"));
    }

    private static String queryParam(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
