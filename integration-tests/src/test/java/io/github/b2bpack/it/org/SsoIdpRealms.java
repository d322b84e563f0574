package io.github.b2bpack.it.org;

import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * A realm of the test server playing an organization's own identity provider: as a SAML 2.0 IdP (a SAML client
 * for the organization realm's service provider, sending email, firstName and lastName attributes and the email
 * as NameID) or as an OIDC provider (a confidential client for the organization realm's broker).
 */
final class SsoIdpRealms {

    static final String OIDC_CLIENT = "b2bpack-broker";
    static final String OIDC_SECRET = "it-broker-secret-7Hq2";

    private SsoIdpRealms() {}

    /** The broker endpoint (SAML ACS, OIDC redirect URI) of the organization realm's connection. */
    static String brokerEndpoint(String orgRealm) {
        return Fixtures.realmUrl(orgRealm) + "/broker/b2bpack-sso/endpoint";
    }

    static void createRealm(Keycloak admin, String name) {
        admin.realms().create(Fixtures.enabledRealm(name));
    }

    /** A SAML client whose entity id is the organization realm's issuer (Keycloak's SP entity id). */
    static void samlClientFor(Keycloak admin, String idpRealm, String orgRealm) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(Fixtures.realmUrl(orgRealm));
        client.setProtocol("saml");
        client.setEnabled(true);
        client.setRedirectUris(List.of(brokerEndpoint(orgRealm) + "*"));
        Map<String, String> attributes = new HashMap<>();
        attributes.put("saml.client.signature", "false");
        attributes.put("saml.server.signature", "true");
        attributes.put("saml.authnstatement", "true");
        attributes.put("saml.force.post.binding", "true");
        attributes.put("saml_force_name_id_format", "true");
        attributes.put("saml_name_id_format", "email");
        attributes.put("saml_assertion_consumer_url_post", brokerEndpoint(orgRealm));
        client.setAttributes(attributes);
        client.setProtocolMappers(List.of(
                samlProperty("email", "email"),
                samlProperty("firstName", "firstName"),
                samlProperty("lastName", "lastName")));
        admin.realm(idpRealm).clients().create(client).close();
    }

    static void oidcClientFor(Keycloak admin, String idpRealm, String orgRealm) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(OIDC_CLIENT);
        client.setSecret(OIDC_SECRET);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setEnabled(true);
        client.setRedirectUris(List.of(brokerEndpoint(orgRealm)));
        admin.realm(idpRealm).clients().create(client).close();
    }

    /** A person of the IdP realm with the test password. */
    static void person(Keycloak admin, String idpRealm, String username, String email) {
        Users.create(
                admin,
                idpRealm,
                Fixtures.userWithPassword(
                        username, email, "First-" + username, "Last-" + username, OrgFixtures.PASSWORD));
    }

    private static ProtocolMapperRepresentation samlProperty(String property, String attribute) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(attribute);
        mapper.setProtocol("saml");
        mapper.setProtocolMapper("saml-user-property-mapper");
        Map<String, String> config = new HashMap<>();
        config.put("user.attribute", property);
        config.put("attribute.name", attribute);
        config.put("attribute.nameformat", "Basic");
        mapper.setConfig(config);
        return mapper;
    }
}
