package io.github.b2bpack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.support.BrowserItBase;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The harness proven with Keycloak's own features: a realm and a user created through the admin
 * REST API, a login through the login page in headless Chromium, and tokens from the token endpoint.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class BrowserLoginIT extends BrowserItBase {

    private static final String REALM = "harness";
    private static final String CLIENT = "web-app";
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    private final OidcClient oidc = new OidcClient(Fixtures.realmUrl(REALM));

    @BeforeEach
    void createRealmClientAndUser() {
        admin.realms().create(Fixtures.enabledRealm(REALM));
        admin.realm(REALM)
                .clients()
                .create(Fixtures.browserAndDirectGrantClient(CLIENT, REALM))
                .close();
        assertNotNull(Users.create(
                admin, REALM, Fixtures.userWithPassword("alice", "alice@example.com", "Alice", "Martin", PASSWORD)));
    }

    @AfterEach
    void dropRealm() {
        admin.realm(REALM).remove();
    }

    @Test
    void wrongPasswordShowsTheLoginErrorInChromium() {
        signIn(REALM, CLIENT, "alice", "not-her-password");
        assertTrue(
                loginPage.getUsernameInputError().contains("Invalid username or password"),
                loginPage.getUsernameInputError());
    }

    @Test
    void userLogsInThroughTheLoginPageAndTheCodeBuysTokens() {
        signIn(REALM, CLIENT, "alice", PASSWORD);

        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        String code = queryParam(driver.getCurrentUrl(), "code");

        OidcClient.Response tokens = oidc.authorizationCodeGrant(CLIENT, code, Fixtures.redirectUri(REALM));
        assertEquals(200, tokens.status(), tokens.body());
        String accessToken = tokens.field("access_token");
        assertNotNull(accessToken);

        OidcClient.Response userInfo = oidc.userInfo(accessToken);
        assertEquals(200, userInfo.status(), userInfo.body());
        assertEquals("alice", userInfo.field("preferred_username"));
    }

    @Test
    void directGrantReturnsTokens() {
        OidcClient.Response tokens = oidc.passwordGrant(CLIENT, "alice", PASSWORD);
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
