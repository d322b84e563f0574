package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.SmtpSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 14's walkthrough as one test, the way a B2B product rolls out a customer: the operator creates the
 * organization and invites the customer's IT person (mail on a loopback SMTP server, accepted in Chromium); that
 * administrator, with the token of its own realm only, issues the SSO onboarding link and opens it, pastes the
 * metadata of the customer's SAML identity provider (a second realm of the test server), and turns on Directory
 * Sync; a person of the customer signs in through the discovery entry point straight at the IdP and gets tokens;
 * the directory provisions a colleague and then deprovisions both — they are disabled and their sessions end.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgWalkthroughIT extends OrgItBase {

    private static final String DOMAIN = "walkthrough-it.example";
    private static final String IDP = "org-it-walkthrough-idp";
    private static final String ADMIN_PASSWORD = "Lx8!mQ2#vTz9-Walk-Heron";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectWebDriver
    ManagedWebDriver driver;

    private SmtpSink smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new SmtpSink();
    }

    @AfterEach
    void stopSmtpAndIdp() {
        smtp.close();
        if (admin.realms().findAll().stream().anyMatch(r -> IDP.equals(r.getRealm()))) {
            admin.realm(IDP).remove();
        }
    }

    @Test
    void createInviteOnboardSignInProvisionDeprovision() throws Exception {
        // 1. The operator creates the organization (its domain verified) and gives its realm an SMTP server.
        String slug = OrgFixtures.createOrg(http, "Org IT Walkthrough", DOMAIN);
        SsoLogins.prepareApp(admin, slug);
        AdminInvitations.useSmtp(admin, slug, smtp.port());

        // 2. The operator invites the customer's IT person; the invitation is accepted in the browser.
        String itEmail = "it@" + DOMAIN;
        OidcClient.Response invited = http.post("/" + slug + "/admins?email=" + itEmail, "");
        assertEquals(201, invited.status(), invited.body());
        String link = smtp.await(1, WAIT).get(0).actionTokenLink();
        AdminInvitations.accept(driver, link, ADMIN_PASSWORD);
        assertEquals("accepted", http.get("/" + slug + "/admins/" + itEmail).field("status"));

        // From here on the organization's administrator acts, with a token of its own realm only.
        String adminToken = Users.adminCliToken(slug, itEmail, ADMIN_PASSWORD);
        BearerHttp own = new BearerHttp(
                OrgHttp.SERVER + "/admin/realms/" + slug + "/orgs/" + slug,
                () -> adminToken,
                WAIT,
                "Accept",
                "application/json");
        // The same token on the master realm's organization API: refused (BearerHttp prefixes its base, so the
        // master path needs a client of its own).
        BearerHttp ownOnMaster = new BearerHttp(
                OrgHttp.SERVER + "/admin/realms/master/orgs", () -> adminToken, WAIT, "Accept", "application/json");
        assertEquals(403, ownOnMaster.get("/" + slug + "/users").status());

        // 3. The administrator issues the SSO onboarding link and completes it with the IdP's SAML metadata.
        // The customer's IdP set up as the page's guide says: it sends email, firstName and lastName (the realm
        // requires a last name; an IdP sending none stops at Keycloak's review-profile page, run 2).
        SsoIdpRealms.createRealm(admin, IDP);
        SsoIdpRealms.samlClientFor(admin, IDP, slug);
        SsoIdpRealms.person(admin, IDP, "jane", "jane@" + DOMAIN);
        OidcClient.Response onboarding = own.post("/sso-connection/onboarding", "");
        assertEquals(201, onboarding.status(), onboarding.body());
        String onboardingUrl = onboarding.field("url");
        driver.open(onboardingUrl);
        driver.waiting()
                .until(d -> !d.findElements(By.id("b2bpack-sso-acs-url")).isEmpty());
        assertEquals(
                SsoFixtures.acsUrl(slug),
                driver.findElement(By.id("b2bpack-sso-acs-url")).getText());
        driver.waiting().until(d -> !d.findElements(By.id("metadata_xml")).isEmpty());
        ((JavascriptExecutor) driver.driver())
                .executeScript(
                        "document.getElementById('metadata_xml').value = arguments[0];",
                        SsoFixtures.samlDescriptor(IDP));
        driver.findElement(By.id("b2bpack-sso-onboarding-submit")).click();
        driver.waiting().until(d -> d.findElements(By.id("metadata_xml")).isEmpty());
        OidcClient.Response connection = own.get("/sso-connection");
        assertEquals(200, connection.status(), connection.body());
        assertTrue(connection.json().get("active").asBoolean(), connection.body());
        assertEquals(
                Fixtures.realmUrl(IDP),
                connection.json().get("saml_config").get("idp_entity_id").asText());
        assertEquals("provision_new_users", connection.field("users_access_policy"));
        assertEquals(
                410,
                OidcClient.postForm(onboardingUrl, Map.of("metadata_xml", "<x/>"))
                        .status());

        // 4. A person of the customer signs in through discovery: straight to the IdP, back with tokens.
        SsoLogins.Pkce login = SsoLogins.signInThroughOrgLogin(driver, slug, IDP, "jane@" + DOMAIN, "jane");
        JsonNode janeTokens = SsoLogins.tokens(slug, login);
        OidcClient.Response jane = http.get("/" + slug + "/users/jane@" + DOMAIN);
        assertEquals(200, jane.status(), jane.body());

        // 5. The administrator turns Directory Sync on; the directory provisions a colleague.
        OidcClient.Response sync = own.post("/directory-sync", "");
        assertEquals(201, sync.status(), sync.body());
        ScimHttp scim = new ScimHttp(
                sync.json().get("scim_base_url").asText(),
                sync.json().get("auth_secret_token").get("value").asText());
        OidcClient.Response provisioned = scim.post(
                "/Users",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"max@" + DOMAIN + "\","
                        + "\"name\":{\"givenName\":\"Max\",\"familyName\":\"Mustermann\"},"
                        + "\"emails\":[{\"value\":\"max@" + DOMAIN + "\",\"primary\":true}],\"active\":true}");
        assertEquals(201, provisioned.status(), provisioned.body());
        assertEquals(200, own.get("/users/max@" + DOMAIN).status());
        OidcClient.Response outsider = scim.post(
                "/Users",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"mallory@elsewhere.example\","
                        + "\"emails\":[{\"value\":\"mallory@elsewhere.example\"}],\"active\":true}");
        assertEquals(400, outsider.status(), outsider.body());

        // 6. The directory deprovisions the colleague and the person who signed in through SSO.
        deactivate(scim, provisioned.field("id"));
        OidcClient.Response found = scim.get("/Users?filter=" + SsoLogins.enc("userName eq \"jane@" + DOMAIN + "\""));
        assertEquals(200, found.status(), found.body());
        assertEquals(1, found.json().get("totalResults").asInt(), found.body());
        deactivate(scim, found.json().get("Resources").get(0).get("id").asText());
        for (String email : List.of("max@" + DOMAIN, "jane@" + DOMAIN)) {
            UserRepresentation user =
                    admin.realm(slug).users().searchByEmail(email, true).get(0);
            assertFalse(user.isEnabled(), email + " still enabled");
        }
        Map<String, String> refresh = Map.of(
                "grant_type", "refresh_token",
                "client_id", "app",
                "refresh_token", janeTokens.get("refresh_token").asText());
        OidcClient.Response refreshed =
                OidcClient.postForm(Fixtures.realmUrl(slug) + "/protocol/openid-connect/token", refresh);
        assertEquals(400, refreshed.status(), "the SSO session ended with deprovisioning: " + refreshed.body());
        assertEquals(
                0,
                admin.realm(slug)
                        .users()
                        .get(jane.field("id"))
                        .getUserSessions()
                        .size());
    }

    private static void deactivate(ScimHttp scim, String id) {
        OidcClient.Response patched = scim.patch(
                "/Users/" + id,
                "{\"schemas\":[\"" + ScimHttp.PATCH_SCHEMA + "\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertEquals(200, patched.status(), patched.body());
        assertNotNull(patched.json());
    }
}
