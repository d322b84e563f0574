package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.sso.ProviderType;
import io.github.b2bpack.org.sso.UsersAccessPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoConnectionRequestTest {

    @Test
    void readsCryptrsFieldsFromTheQueryAndTheBody() {
        SsoConnectionRequest request = SsoConnectionRequest.of(
                Map.of("users_access_policy", List.of("only_registered_users"), "environment", List.of("sandbox")),
                "{\"provider_type\":\"saml.okta\",\"metadata\":\"<md/>\",\"active\":false,"
                        + "\"number_users_provisioning_limit\":99}");
        assertEquals(ProviderType.SAML_OKTA, request.providerType());
        assertEquals(UsersAccessPolicy.ONLY_REGISTERED_USERS, request.policy());
        assertEquals(Boolean.FALSE, request.active());
        assertEquals(99, request.provisioningLimit());
        assertEquals("<md/>", request.metadata());
        request.checkFor(ProviderType.Protocol.SAML, true);

        SsoConnectionRequest oidc = SsoConnectionRequest.of(
                Map.of(),
                "{\"provider_type\":\"oidc.generic\",\"discovery_url\":\"https://idp/.well-known/openid-configuration\","
                        + "\"client_id\":\"b2b\",\"client_secret\":\"s3cret\"}");
        assertEquals("https://idp/.well-known/openid-configuration", oidc.metadataUrl());
        oidc.checkFor(ProviderType.Protocol.OIDC, true);
        assertFalse(oidc.toString().contains("s3cret"));
    }

    @Test
    void anEmptyUpdateKeepsEverything() {
        SsoConnectionRequest request = SsoConnectionRequest.of(Map.of(), null);
        assertNull(request.providerType());
        assertNull(request.active());
        request.checkFor(ProviderType.Protocol.SAML, false);
    }

    @Test
    void refusesWhatCannotMakeAConnection() {
        assertCode("invalid_provider_type", Map.of(), "{\"provider_type\":\"saml.nope\"}");
        assertCode("invalid_users_access_policy", Map.of(), "{\"users_access_policy\":\"all\"}");
        assertCode("invalid_request", Map.of(), "{\"unknown\":1}");
        assertCode("invalid_request", Map.of(), "{\"active\":\"maybe\"}");
        assertCode("invalid_request", Map.of(), "{\"number_users_provisioning_limit\":-1}");
        assertCode("invalid_request", Map.of(), "{\"metadata\":{\"x\":1}}");
        assertCode("invalid_request", Map.of(), "[]");
        assertCode("invalid_request", Map.of("active", List.of("true")), "{\"active\":false}");
        assertCode("invalid_request", Map.of("active", List.of("true", "false")), null);
        assertCode("invalid_request", Map.of(), "{\"metadata_url\":\"https://a/\",\"discovery_url\":\"https://b/\"}");
        assertCode(
                "invalid_request",
                Map.of(),
                "{\"metadata\":\"" + "x".repeat(SsoConnectionRequest.MAX_METADATA_CHARS + 1) + "\"}");

        SsoConnectionRequest samlWithoutSource =
                SsoConnectionRequest.of(Map.of(), "{\"provider_type\":\"saml.custom\"}");
        assertThrows(OrganizationException.class, () -> samlWithoutSource.checkFor(ProviderType.Protocol.SAML, true));
        SsoConnectionRequest oidcWithoutSecret = SsoConnectionRequest.of(
                Map.of(), "{\"provider_type\":\"oidc.generic\",\"discovery_url\":\"https://i/\",\"client_id\":\"c\"}");
        assertThrows(OrganizationException.class, () -> oidcWithoutSecret.checkFor(ProviderType.Protocol.OIDC, true));
        SsoConnectionRequest samlWithClient =
                SsoConnectionRequest.of(Map.of(), "{\"metadata\":\"<x/>\",\"client_id\":\"c\"}");
        assertThrows(OrganizationException.class, () -> samlWithClient.checkFor(ProviderType.Protocol.SAML, false));
        SsoConnectionRequest oidcWithDocument = SsoConnectionRequest.of(Map.of(), "{\"metadata\":\"<x/>\"}");
        assertThrows(OrganizationException.class, () -> oidcWithDocument.checkFor(ProviderType.Protocol.OIDC, false));
    }

    private static void assertCode(String code, Map<String, List<String>> query, String body) {
        OrganizationException e =
                assertThrows(OrganizationException.class, () -> SsoConnectionRequest.of(query, body), body);
        assertEquals(code, e.code());
    }
}
