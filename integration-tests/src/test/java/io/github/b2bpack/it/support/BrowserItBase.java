package io.github.b2bpack.it.support;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * What an IT that signs people in through Keycloak's login page needs: the admin client, the browser (headless
 * Chromium) and the login page. The test framework injects into these inherited fields.
 */
public abstract class BrowserItBase {

    @InjectAdminClient
    protected Keycloak admin;

    @InjectWebDriver
    protected ManagedWebDriver driver;

    @InjectPage
    protected LoginPage loginPage;

    /**
     * Opens the login page of {@code clientId} in {@code realm} (redirecting to {@link Fixtures#redirectUri}) and
     * submits the username and password.
     */
    protected void signIn(String realm, String clientId, String username, String password) {
        driver.open(new OidcClient(Fixtures.realmUrl(realm)).authorizationUrl(clientId, Fixtures.redirectUri(realm)));
        loginPage.fillLogin(username, password);
        loginPage.submit();
    }
}
