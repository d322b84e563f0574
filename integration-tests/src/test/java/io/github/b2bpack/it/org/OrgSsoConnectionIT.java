package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
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
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * SSO connections end to end: a second realm of the test server plays the organization's identity provider, once
 * SAML 2.0 and once OIDC; the connection is created through the organization API from that IdP's metadata, and a
 * person of the IdP realm signs in to the organization's {@code app} client in Chromium through the discovery entry
 * point ({@code /realms/master/org-login?login_hint=…}), which sends them straight to the IdP. The users access
 * policy decides at first login (refused page, link, creation), the email-domain rule applies, and bad input is a
 * clear 4xx with nothing created.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgSsoConnectionIT extends OrgItBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_LOGIN_FLOW = "b2bpack sso first broker login";

    @InjectWebDriver
    ManagedWebDriver driver;

    private final List<String> idpRealms = new ArrayList<>();

    @AfterEach
    void deleteIdpRealms() {
        idpRealms.forEach(r -> admin.realm(r).remove());
        idpRealms.clear();
    }

    @Test
    void samlConnectionFollowsTheUsersAccessPolicyAtFirstLogin() throws Exception {
        String slug = OrgFixtures.createOrg(http, "Org IT SSO SAML", "sso-saml-it.example");
        SsoLogins.prepareApp(admin, slug);
        String idp = idpRealm("org-it-sso-saml-idp");
        SsoIdpRealms.samlClientFor(admin, idp, slug);
        SsoIdpRealms.person(admin, idp, "alice", "alice@sso-saml-it.example");
        SsoIdpRealms.person(admin, idp, "bob", "bob@sso-saml-it.example");
        SsoIdpRealms.person(admin, idp, "eve", "eve@elsewhere-it.example");
        String metadata = get(Fixtures.realmUrl(idp) + "/protocol/saml/descriptor");
        assertTrue(metadata.contains("IDPSSODescriptor"), metadata);
        String path = "/" + slug + "/sso-connection";

        // Bad input first: each a clear 4xx, and nothing of a connection left behind.
        assertError(400, "invalid_metadata", http.post(path, body("provider_type", "saml.custom", "metadata", "<x/>")));
        // Attack (review of 2026-12-07): metadata without a signing key made a connection that accepts unsigned
        // SAML responses from anyone. Refused now.
        String keyless = metadata.replaceAll("(?s)<(\\w+:)?KeyDescriptor.*?</(\\w+:)?KeyDescriptor>", "");
        assertFalse(keyless.contains("X509Certificate"), keyless);
        assertError(
                400, "invalid_metadata", http.post(path, body("provider_type", "saml.custom", "metadata", keyless)));
        assertError(
                400,
                "invalid_metadata",
                http.post(path, body("provider_type", "saml.custom", "metadata", "<md:EntityDescriptor")));
        assertError(
                400,
                "invalid_metadata_url",
                http.post(
                        path,
                        body("provider_type", "saml.azure_ad", "metadata_url", "https://169.254.169.254/metadata")));
        assertError(
                400,
                "invalid_metadata_url",
                http.post(
                        path,
                        body("provider_type", "saml.okta", "metadata_url", "http://localhost:8443/realms/" + idp)));
        assertError(
                400,
                "invalid_provider_type",
                http.post(path, body("provider_type", "saml.nope", "metadata", metadata)));
        assertError(
                400,
                "invalid_users_access_policy",
                http.post(
                        path,
                        body("provider_type", "saml.custom", "metadata", metadata, "users_access_policy", "all")));
        assertError(
                400,
                "users_access_policy_unavailable",
                http.post(
                        path,
                        body(
                                "provider_type",
                                "saml.custom",
                                "metadata",
                                metadata,
                                "users_access_policy",
                                "unregistered_users_allowed")));
        assertEquals(404, http.get(path).status());
        assertTrue(admin.realm(slug).identityProviders().findAll().isEmpty());
        assertTrue(admin.realm(slug).flows().getFlows().stream()
                .noneMatch(f -> f.getAlias().equals(FIRST_LOGIN_FLOW)));

        OidcClient.Response created = http.post(
                path,
                body(
                        "provider_type",
                        "saml.custom",
                        "metadata",
                        metadata,
                        "users_access_policy",
                        "only_registered_users"));
        assertEquals(201, created.status(), created.body());
        JsonNode connection = created.json();
        String id = connection.get("id").asText();
        assertTrue(id.matches("org_it_sso_saml_[1-9A-HJ-NP-Za-km-z]{22}"), id);
        assertEquals("SsoConnection", connection.get("__type__").asText());
        assertEquals("production", connection.get("__environment__").asText());
        assertTrue(connection.get("active").asBoolean());
        assertTrue(connection.has("onboarding"));
        assertEquals(slug, connection.get("organization").get("domain").asText());
        assertEquals(
                Fixtures.realmUrl(slug),
                connection.get("saml_config").get("entity_id").asText());
        assertEquals(
                SsoIdpRealms.brokerEndpoint(slug),
                connection.get("saml_config").get("acs_url").asText());
        assertEquals(
                Fixtures.realmUrl(idp),
                connection.get("saml_config").get("idp_entity_id").asText());
        assertError(
                409,
                "sso_connection_already_exists",
                http.post(path, body("provider_type", "saml.custom", "metadata", metadata)));
        assertEquals(id, http.get(path).field("id"));
        IdentityProviderRepresentation kc =
                admin.realm(slug).identityProviders().get("b2bpack-sso").toRepresentation();
        assertEquals("saml", kc.getProviderId());
        assertEquals("only_registered_users", kc.getConfig().get("b2bpack.users_access_policy"));
        assertEquals(FIRST_LOGIN_FLOW, kc.getFirstBrokerLoginFlowAlias());
        assertEquals("b2bpack post broker login", kc.getPostBrokerLoginFlowAlias());
        assertEquals(
                3,
                admin.realm(slug)
                        .identityProviders()
                        .get("b2bpack-sso")
                        .getMappers()
                        .size());

        // only_registered_users: a person the organization does not know is refused with a page.
        SsoLogins.signInThroughOrgLogin(driver, slug, idp, "alice@sso-saml-it.example", "alice");
        awaitText("only lets in people it has registered");
        assertTrue(admin.realm(slug)
                .users()
                .searchByEmail("alice@sso-saml-it.example", true)
                .isEmpty());

        // A registered person is linked to their IdP account and gets tokens.
        String bob = OrgFixtures.createUser(admin, slug, "bob", "bob@sso-saml-it.example");
        SsoLogins.Pkce bobLogin = SsoLogins.signInThroughOrgLogin(driver, slug, idp, "bob@sso-saml-it.example", "bob");
        assertTokens(slug, bobLogin);
        assertEquals(
                "b2bpack-sso",
                admin.realm(slug).users().get(bob).getFederatedIdentity().get(0).getIdentityProvider());

        // Cryptr's update by id: provision_new_users creates the unknown person from the IdP's attributes.
        BearerHttp byId = new BearerHttp(
                OrgHttp.SERVER + "/admin/realms/master/sso-connections",
                () -> admin.tokenManager().getAccessTokenString(),
                Duration.ofSeconds(60),
                "Accept",
                "application/json");
        OidcClient.Response updated = byId.put("/" + id, body("users_access_policy", "provision_new_users"));
        assertEquals(200, updated.status(), updated.body());
        assertEquals(
                "provision_new_users", updated.json().get("users_access_policy").asText());
        SsoLogins.Pkce aliceLogin =
                SsoLogins.signInThroughOrgLogin(driver, slug, idp, "alice@sso-saml-it.example", "alice");
        assertTokens(slug, aliceLogin);
        UserRepresentation alice = admin.realm(slug)
                .users()
                .searchByEmail("alice@sso-saml-it.example", true)
                .get(0);
        assertEquals("First-alice", alice.getFirstName());
        assertEquals("Last-alice", alice.getLastName());

        // The organization's email-domain rule holds for brokered people too (discovery would not route eve's
        // address to the organization: she enters through the realm with the IdP hint, as an application may send her).
        SsoLogins.signInWithIdpHint(driver, slug, idp, "eve");
        awaitText("outside your organization");
        assertTrue(admin.realm(slug)
                .users()
                .searchByEmail("eve@elsewhere-it.example", true)
                .isEmpty());

        // Listed across organizations.
        List<String> listed = new ArrayList<>();
        byId.get("?per_page=100")
                .json()
                .get("data")
                .forEach(c -> listed.add(c.get("id").asText()));
        assertTrue(listed.contains(id), listed.toString());

        // Inactive: discovery no longer sends people to the IdP; active again: it does.
        assertEquals(200, http.put(path, body("active", false)).status());
        assertFalse(orgLoginRedirect("bob@sso-saml-it.example").contains("kc_idp_hint"));
        assertEquals(200, http.put(path, body("active", true)).status());
        assertTrue(orgLoginRedirect("bob@sso-saml-it.example").contains("kc_idp_hint=b2bpack-sso"));

        // Every change is an IDENTITY_PROVIDER admin event in the organization's realm.
        List<String> operations = new ArrayList<>();
        for (AdminEventRepresentation event : admin.realm(slug).getAdminEvents()) {
            if ("IDENTITY_PROVIDER".equals(event.getResourceType())
                    && "identity-provider/instances/b2bpack-sso".equals(event.getResourcePath())) {
                operations.add(event.getOperationType());
            }
        }
        assertEquals(1, operations.stream().filter("CREATE"::equals).count(), operations.toString());
        assertEquals(3, operations.stream().filter("UPDATE"::equals).count(), operations.toString());
    }

    /**
     * Attack (second review, 2026-12-07): the IdP sends no last name, so Keycloak's review page shows, and the
     * person types an operator's username there; Keycloak's next step found the operator by that username and linked
     * the account. The access-policy step runs again after the review page and refuses any change of username or
     * email.
     */
    /**
     * Deleting organizations removes their realms with their identity providers and nothing of master's. Keycloak's
     * realm removal deletes the identity providers of the request's realm (master, for the organization API), not
     * of the realm removed: the delete took master's identity providers with it, and an organization with an SSO
     * connection could not be deleted at all (its provider's row still referenced the realm: 409 on MariaDB).
     */
    @Test
    void deletingOrganizationsKeepsMastersIdentityProviders() {
        IdentityProviderRepresentation keep = new IdentityProviderRepresentation();
        keep.setAlias("it-master-keep");
        keep.setProviderId("oidc");
        keep.setHideOnLogin(true);
        keep.setConfig(Map.of(
                "clientId", "keep",
                "clientSecret", "keep",
                "authorizationUrl", "https://idp.example/auth",
                "tokenUrl", "https://idp.example/token"));
        admin.realm("master").identityProviders().create(keep).close();
        try {
            String plain = OrgFixtures.createOrg(http, "Org IT Delete Plain", "delete-plain-it.example");
            String withSso = OrgFixtures.createOrg(http, "Org IT SSO Delete", "sso-delete-it.example");
            String metadata = OidcClient.send(HttpRequest.newBuilder(
                                    URI.create(Fixtures.realmUrl("master") + "/protocol/saml/descriptor"))
                            .build())
                    .body();
            OidcClient.Response created = http.post(
                    "/" + withSso + "/sso-connection", body("provider_type", "saml.okta", "metadata", metadata));
            assertEquals(201, created.status(), created.body());

            for (String slug : List.of(plain, withSso)) {
                OidcClient.Response deleted = http.delete("/" + slug);
                assertEquals(200, deleted.status(), deleted.body());
                assertEquals(404, http.get("/" + slug).status());
                assertTrue(admin.realms().findAll().stream()
                        .noneMatch(r -> r.getRealm().startsWith(slug)));
            }
            assertEquals(
                    "it-master-keep",
                    admin.realm("master")
                            .identityProviders()
                            .get("it-master-keep")
                            .toRepresentation()
                            .getAlias());
        } finally {
            // Gone already when the attack succeeds; the assertion above says so, not this cleanup.
            admin.realm("master").identityProviders().findAll().stream()
                    .filter(idp -> idp.getAlias().equals("it-master-keep"))
                    .forEach(idp -> admin.realm("master")
                            .identityProviders()
                            .get("it-master-keep")
                            .remove());
        }
    }

    @Test
    void theReviewPageCannotChangeWhoThePersonIs() throws Exception {
        String slug = OrgFixtures.createOrg(http, "Org IT SSO Review", "sso-review-it.example");
        SsoLogins.prepareApp(admin, slug);
        String ops = OrgFixtures.createUser(admin, slug, "ops", "ops@sso-review-it.example");
        Users.grantClientRoles(admin, slug, ops, "realm-management", "manage-users");
        String idp = "org-it-sso-review-idp";
        idpRealms.add(idp);
        // This IdP sends the NameID (the email) and no names: the realm requires a last name, so the review page shows.
        SsoFixtures.createSamlIdp(admin, idp, slug, "mallory", "mallory@sso-review-it.example");
        OidcClient.Response created = http.post(
                "/" + slug + "/sso-connection",
                body("provider_type", "saml.custom", "metadata", SsoFixtures.samlDescriptor(idp)));
        assertEquals(201, created.status(), created.body());

        SsoLogins.Pkce login =
                SsoLogins.signInThroughOrgLogin(driver, slug, idp, "mallory@sso-review-it.example", "mallory");
        assertTrue(login.code == null, "the review page should show first");
        driver.waiting().until(d -> !d.findElements(By.id("lastName")).isEmpty());
        if (!driver.driver().findElements(By.id("username")).isEmpty()) {
            driver.findElement(By.id("username")).clear();
            driver.findElement(By.id("username")).sendKeys("ops");
        }
        driver.findElement(By.id("firstName")).clear();
        driver.findElement(By.id("firstName")).sendKeys("Mal");
        driver.findElement(By.id("lastName")).clear();
        driver.findElement(By.id("lastName")).sendKeys("Lory");
        driver.findElement(By.cssSelector("[type=submit]")).click();
        awaitText("cannot sign in through your organization");
        assertTrue(admin.realm(slug).users().get(ops).getFederatedIdentity().isEmpty(), "the operator was linked");
        assertTrue(admin.realm(slug)
                .users()
                .searchByEmail("mallory@sso-review-it.example", true)
                .isEmpty());
    }

    @Test
    void oidcConnectionFromTheDiscoveryUrlProvisionsAtFirstLogin() throws Exception {
        String slug = OrgFixtures.createOrg(http, "Org IT SSO OIDC", "sso-oidc-it.example");
        SsoLogins.prepareApp(admin, slug);
        String idp = idpRealm("org-it-sso-oidc-idp");
        SsoIdpRealms.oidcClientFor(admin, idp, slug);
        SsoIdpRealms.person(admin, idp, "carol", "carol@sso-oidc-it.example");
        String discovery = Fixtures.realmUrl(idp) + "/.well-known/openid-configuration";
        String path = "/" + slug + "/sso-connection";

        assertError(
                400,
                "invalid_metadata_url",
                http.post(
                        path,
                        body(
                                "provider_type",
                                "oidc.generic",
                                "discovery_url",
                                "https://10.0.0.1/.well-known/openid-configuration",
                                "client_id",
                                "c",
                                "client_secret",
                                "s")));
        assertError(
                400,
                "metadata_url_unreachable",
                http.post(
                        path,
                        body(
                                "provider_type",
                                "oidc.generic",
                                "discovery_url",
                                Fixtures.realmUrl("org-it-no-such-realm") + "/.well-known/openid-configuration",
                                "client_id",
                                "c",
                                "client_secret",
                                "s")));
        assertError(
                400,
                "invalid_request",
                http.post(path, body("provider_type", "oidc.generic", "discovery_url", discovery, "client_id", "c")));
        assertEquals(404, http.get(path).status());

        OidcClient.Response created = http.post(
                path,
                body(
                        "provider_type",
                        "oidc.generic",
                        "discovery_url",
                        discovery,
                        "client_id",
                        SsoIdpRealms.OIDC_CLIENT,
                        "client_secret",
                        SsoIdpRealms.OIDC_SECRET));
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains(SsoIdpRealms.OIDC_SECRET));
        JsonNode connection = created.json();
        assertEquals(
                "provision_new_users", connection.get("users_access_policy").asText());
        assertEquals(
                SsoIdpRealms.brokerEndpoint(slug),
                connection.get("oidc_config").get("redirect_uri").asText());
        assertEquals(
                Fixtures.realmUrl(idp),
                connection.get("oidc_config").get("issuer").asText());

        SsoLogins.Pkce login = SsoLogins.signInThroughOrgLogin(driver, slug, idp, "carol@sso-oidc-it.example", "carol");
        assertTokens(slug, login);
        UserRepresentation carol = admin.realm(slug)
                .users()
                .searchByEmail("carol@sso-oidc-it.example", true)
                .get(0);
        assertEquals("First-carol", carol.getFirstName());
        assertTrue(carol.isEmailVerified());
    }

    // ----- browser and HTTP helpers -----

    private String idpRealm(String name) {
        SsoIdpRealms.createRealm(admin, name);
        idpRealms.add(name);
        return name;
    }

    private void awaitText(String text) {
        driver.waiting().until(d -> d.getPageSource().contains(text));
    }

    private static void assertTokens(String slug, SsoLogins.Pkce login) {
        assertTrue(SsoLogins.tokens(slug, login).has("access_token"));
    }

    /** Where {@code org-login} sends a browser for this email (its Location header, not followed). */
    private static String orgLoginRedirect(String email) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(OrgHttp.SERVER
                                        + "/realms/master/org-login?client_id=app&response_type=code&login_hint="
                                        + SsoLogins.enc(email)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElse("");
    }

    private static String get(String url) {
        OidcClient.Response response =
                OidcClient.send(HttpRequest.newBuilder(URI.create(url)).build());
        assertEquals(200, response.status(), url);
        return response.body();
    }

    static String body(Object... fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertError(int status, String code, OidcClient.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals(code, response.field("error"), response.body());
    }
}
