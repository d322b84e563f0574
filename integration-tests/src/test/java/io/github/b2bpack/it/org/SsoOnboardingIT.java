package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * SSO self-serve onboarding in headless Chromium: the organization's IT administrator opens the link, reads the
 * service-provider values, pastes the SAML metadata of their identity provider (a second realm of the test server),
 * and a user of that identity provider then signs in to the organization through an SSO challenge. The link works
 * once, expires, and a forged one is refused; bad metadata saves nothing.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SsoOnboardingIT extends OrgItBase {

    private static final String IDP_REALM = "sso-idp-it";

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @AfterEach
    void deleteIdpRealm() {
        admin.realms().findAll().stream()
                .filter(r -> r.getRealm().equals(IDP_REALM))
                .forEach(r -> admin.realm(IDP_REALM).remove());
    }

    @Test
    void theLinkConfiguresSamlOnceAndAUserOfTheIdpSignsIn() {
        String slug = OrgFixtures.createOrg(http, "Org IT Onboarding", "onboarding-it.example");
        OrgFixtures.prepareRealm(admin, slug);
        SsoFixtures.createSamlIdp(admin, IDP_REALM, slug, "ada", "ada@onboarding-it.example");
        // The SSO connection API made the connection first (placeholder endpoint, the pack's own settings): the
        // onboarding fills it in place.
        SsoFixtures.createConnectionByHand(admin, slug, true);
        String connectionId = admin.realm(slug)
                .identityProviders()
                .get(SsoFixtures.ALIAS)
                .toRepresentation()
                .getInternalId();

        OidcClient.Response issued = SsoFixtures.issueOnboarding(http, slug, "");
        assertEquals(201, issued.status(), issued.body());
        JsonNode onboarding = issued.json();
        assertEquals("Onboarding", onboarding.get("__type__").asText());
        assertEquals(slug, onboarding.get("__domain__").asText());
        assertEquals("production", onboarding.get("__environment__").asText());
        String link = onboarding.get("url").asText();
        // A second link issued before the onboarding completes (a manager read the connection, or sent it twice).
        String older = SsoFixtures.issueOnboarding(http, slug, "").field("url");
        assertTrue(link.startsWith(Fixtures.realmUrl(slug) + "/b2bpack-sso-onboarding/"), link);
        long lifespan = onboarding.get("expired_at").asLong() - System.currentTimeMillis() / 1000;
        assertTrue(lifespan > 7 * 24 * 3600 - 120 && lifespan <= 7 * 24 * 3600, "lifespan " + lifespan);

        driver.open(link);
        assertEquals(
                SsoFixtures.entityId(slug),
                driver.findElement(By.id("b2bpack-sso-entity-id")).getText());
        assertEquals(
                SsoFixtures.acsUrl(slug),
                driver.findElement(By.id("b2bpack-sso-acs-url")).getText());
        assertEquals(
                SsoFixtures.acsUrl(slug) + "/descriptor",
                driver.findElement(By.id("b2bpack-sso-metadata-url")).getText());
        assertTrue(driver.findElement(By.id("b2bpack-sso-certificate"))
                .getText()
                .startsWith("-----BEGIN CERTIFICATE-----"));
        for (String guide : List.of("azure_ad", "okta", "adfs", "google", "generic")) {
            driver.findElement(By.id("b2bpack-sso-guide-" + guide));
        }

        // Malformed metadata: the form again with the reason, nothing saved, the link still usable.
        paste("<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"><broken");
        driver.waiting().until(d -> d.getPageSource().contains("This is not valid identity provider metadata"));
        assertEquals("https://idp.example/sso", signOnUrl(slug));

        paste(SsoFixtures.samlDescriptor(IDP_REALM));
        driver.waiting().until(d -> d.getPageSource().contains("Your single sign-on connection is saved"));
        IdentityProviderRepresentation idp =
                admin.realm(slug).identityProviders().get(SsoFixtures.ALIAS).toRepresentation();
        assertEquals("saml", idp.getProviderId());
        assertTrue(idp.isEnabled());
        assertEquals(connectionId, idp.getInternalId());
        // The page writes through the SSO connection code: a hand-made provider is adopted as saml.custom.
        assertEquals("saml.custom", idp.getConfig().get("b2bpack.provider_type"));
        assertEquals(connectionId, onboarding.get("sso_connection_id").asText());
        assertEquals(
                Fixtures.realmUrl(IDP_REALM) + "/protocol/saml", idp.getConfig().get("singleSignOnServiceUrl"));

        // Used: the page says so, in the browser and to a replayed form post.
        driver.open(link);
        driver.waiting().until(d -> d.getPageSource().contains("This onboarding link has already been used"));
        OidcClient.Response replay = OidcClient.postForm(link, Map.of("metadata_xml", "<x/>"));
        assertEquals(410, replay.status());
        // Every other link issued before the completion is dead: a leaked or forgotten one cannot point the
        // organization's SSO at another identity provider. A link issued afterwards works.
        assertEquals(404, OidcClient.send(get(older)).status());
        OidcClient.Response hijack = OidcClient.postForm(older, Map.of("metadata_url", "https://idp.example/metadata"));
        assertEquals(404, hijack.status(), hijack.body());
        assertEquals(Fixtures.realmUrl(IDP_REALM) + "/protocol/saml", signOnUrl(slug));
        String newer = SsoFixtures.issueOnboarding(http, slug, "").field("url");
        assertEquals(200, OidcClient.send(get(newer)).status());

        // A user of the customer's IdP signs in through an SSO challenge: straight to the IdP's login page.
        OidcClient.Response challenge = SsoFixtures.challenges(
                        () -> admin.tokenManager().getAccessTokenString())
                .post(
                        "",
                        "{\"user_email\":\"ada@onboarding-it.example\",\"client_id\":\"it-web\",\"redirect_uri\":\""
                                + Fixtures.redirectUri(slug) + "\"}");
        assertEquals(201, challenge.status(), challenge.body());
        assertEquals("SsoChallenge", challenge.field("__type__"));
        assertEquals(idp.getInternalId(), challenge.field("sso_connection_id"));
        String requestId = challenge.field("request_id");
        driver.open(challenge.field("authorization_url"));
        driver.waiting().until(d -> d.getCurrentUrl().startsWith(Fixtures.realmUrl(IDP_REALM) + "/"));
        loginPage.fillLogin("ada", OrgFixtures.PASSWORD);
        loginPage.submit();
        driver.waiting()
                .until(d -> d.getCurrentUrl().contains("code=")
                        || !d.findElements(By.id("firstName")).isEmpty());
        if (!driver.getCurrentUrl().contains("code=")) {
            // First broker login asks for what the assertion did not carry (the template's user profile).
            driver.findElement(By.id("firstName")).clear();
            driver.findElement(By.id("firstName")).sendKeys("Ada");
            driver.findElement(By.id("lastName")).clear();
            driver.findElement(By.id("lastName")).sendKeys("Lovelace");
            driver.findElement(By.cssSelector("[type=submit]")).click();
            driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        }
        String back = driver.getCurrentUrl();
        assertTrue(back.startsWith(Fixtures.redirectUri(slug)), back);
        assertTrue(back.contains("state=" + requestId), back);
        List<UserRepresentation> users = admin.realm(slug).users().searchByEmail("ada@onboarding-it.example", true);
        assertEquals(1, users.size());
        assertEquals(
                SsoFixtures.ALIAS,
                admin.realm(slug)
                        .users()
                        .get(users.get(0).getId())
                        .getFederatedIdentity()
                        .get(0)
                        .getIdentityProvider());
    }

    @Test
    void anExpiredOrForgedLinkIsRefusedAndSavesNothing() throws InterruptedException {
        String slug = OrgFixtures.createOrg(http, "Org IT Onboarding Expiry", "onboarding-expiry-it.example");
        OidcClient.Response issued = SsoFixtures.issueOnboarding(http, slug, "expires_in=2");
        assertEquals(201, issued.status(), issued.body());
        String link = issued.field("url");
        assertEquals(200, OidcClient.send(get(link)).status());
        Thread.sleep(3500);
        driver.open(link);
        driver.waiting().until(d -> d.getPageSource().contains("This onboarding link is not valid or has expired"));
        assertEquals(
                404, OidcClient.postForm(link, Map.of("metadata_xml", "<x/>")).status());

        String base = Fixtures.realmUrl(slug) + "/b2bpack-sso-onboarding/";
        assertEquals(404, OidcClient.send(get(base + "A".repeat(43))).status());
        assertEquals(404, OidcClient.send(get(base + "not-a-token")).status());
        // A live link of this organization does not open another realm's page.
        String live = SsoFixtures.issueOnboarding(http, slug, "").field("url");
        String token = live.substring(live.lastIndexOf('/') + 1);
        assertEquals(
                404,
                OidcClient.send(get(Fixtures.realmUrl("master") + "/b2bpack-sso-onboarding/" + token))
                        .status());
        // Hostile submissions on a live link: each is a form error (400), nothing saved, the link still live.
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
        String metadataNs = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&x;\">"
                + "<IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://"
                + "idp.example/&x;\"/></IDPSSODescriptor></EntityDescriptor>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"");
            laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&l9;\"/>");
        Map<String, Map<String, String>> hostile = Map.of(
                "external entity", Map.of("metadata_xml", doctype + metadataNs),
                "billion laughs", Map.of("metadata_xml", laughs.toString()),
                "loopback URL", Map.of("metadata_url", Fixtures.realmUrl("master") + "/protocol/saml/descriptor"),
                "metadata service URL", Map.of("metadata_url", "https://169.254.169.254/latest/meta-data/"),
                "plain http URL", Map.of("metadata_url", "http://idp.example/metadata"),
                "loopback OIDC issuer",
                        Map.of(
                                "oidc_issuer", Fixtures.realmUrl("master"),
                                "oidc_client_id", "x",
                                "oidc_client_secret", "y"),
                "two sources", Map.of("metadata_xml", "<x/>", "metadata_url", "https://idp.example/m"));
        hostile.forEach((name, form) -> {
            OidcClient.Response answer = OidcClient.postForm(live, form);
            assertEquals(400, answer.status(), name + ": " + answer.body());
            assertTrue(!answer.body().contains("root:"), name);
        });
        assertEquals(200, OidcClient.send(get(live)).status());
        // The token is in the path: the page must not hand it on as a Referer nor be cached.
        java.net.http.HttpResponse<String> page;
        try {
            page = java.net.http.HttpClient.newHttpClient()
                    .send(get(live), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertTrue(
                page.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                page.headers().toString());
        assertEquals(
                400,
                SsoFixtures.issueOnboarding(http, slug, "expires_in=999999999").status());
        assertEquals(
                400,
                SsoFixtures.issueOnboarding(http, slug, "environment=staging").status());
        assertTrue(admin.realm(slug).identityProviders().findAll().isEmpty());
    }

    /** Where the organization's connection sends people to sign in (the SAML sign-on service URL). */
    private String signOnUrl(String slug) {
        return admin.realm(slug)
                .identityProviders()
                .get(SsoFixtures.ALIAS)
                .toRepresentation()
                .getConfig()
                .get("singleSignOnServiceUrl");
    }

    private void paste(String xml) {
        driver.waiting().until(d -> !d.findElements(By.id("metadata_xml")).isEmpty());
        // Set through the DOM: typing a 5 KB document key by key takes the browser minutes.
        ((JavascriptExecutor) driver.driver())
                .executeScript("document.getElementById('metadata_xml').value = arguments[0];", xml);
        driver.findElement(By.id("b2bpack-sso-onboarding-submit")).click();
    }

    private static java.net.http.HttpRequest get(String url) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build();
    }
}
