package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * The customer's side of SSO for the ITs: a second realm of the test server plays the organization's SAML identity
 * provider, with a SAML client for the organization realm's broker endpoint.
 */
final class SsoFixtures {

    static final String ALIAS = "b2bpack-sso";
    static final String CHALLENGES = OrgHttp.SERVER + "/admin/realms/master/sso-saml-challenges";

    private SsoFixtures() {}

    /** The organization realm's SAML SP entity id (its issuer) and ACS URL. */
    static String entityId(String orgRealm) {
        return Fixtures.realmUrl(orgRealm);
    }

    static String acsUrl(String orgRealm) {
        return Fixtures.realmUrl(orgRealm) + "/broker/" + ALIAS + "/endpoint";
    }

    /**
     * Creates {@code idpRealm} as the customer's SAML IdP of {@code orgRealm}: a client for the org realm's broker
     * (NameID = email, no signed requests required) and a user with the test password.
     */
    static void createSamlIdp(Keycloak admin, String idpRealm, String orgRealm, String username, String email) {
        admin.realms().create(Fixtures.enabledRealm(idpRealm));
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(entityId(orgRealm));
        client.setProtocol("saml");
        client.setEnabled(true);
        client.setRedirectUris(List.of(acsUrl(orgRealm)));
        client.setAttributes(Map.of(
                "saml.client.signature", "false",
                "saml.encrypt", "false",
                "saml.authnstatement", "true",
                "saml_name_id_format", "email",
                "saml_force_name_id_format", "true",
                "saml_assertion_consumer_url_post", acsUrl(orgRealm)));
        admin.realm(idpRealm).clients().create(client).close();
        OrgFixtures.createUser(admin, idpRealm, username, email);
    }

    /** The IdP realm's SAML metadata, as its administrator would download it. */
    static String samlDescriptor(String idpRealm) {
        OidcClient.Response descriptor = OidcClient.send(
                HttpRequest.newBuilder(URI.create(Fixtures.realmUrl(idpRealm) + "/protocol/saml/descriptor"))
                        .build());
        assertEquals(200, descriptor.status(), descriptor.body());
        return descriptor.body();
    }

    /** {@code POST /orgs/{slug}/sso-connection/onboarding?…} as {@code http}'s caller. */
    static OidcClient.Response issueOnboarding(OrgHttp http, String slug, String query) {
        return http.post("/" + slug + "/sso-connection/onboarding" + (query.isEmpty() ? "" : "?" + query), "");
    }

    /** The challenge endpoint with a caller's token (or none). */
    static BearerHttp challenges(Supplier<String> token) {
        return new BearerHttp(CHALLENGES, token, Duration.ofSeconds(60), "Accept", "application/json");
    }

    /** An SSO connection as the SSO connection API would make it (contract: alias b2bpack-sso, SAML). */
    static void createConnectionByHand(Keycloak admin, String realm, boolean enabled) {
        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias(ALIAS);
        idp.setProviderId("saml");
        idp.setEnabled(enabled);
        idp.setConfig(Map.of(
                "singleSignOnServiceUrl", "https://idp.example/sso",
                "entityId", entityId(realm),
                "b2bpack.provider_type", "saml.generic"));
        admin.realm(realm).identityProviders().create(idp).close();
    }
}
