package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.sso.SsoKeys;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.services.Urls;

/**
 * An SSO connection in Cryptr's shape ({@code SsoConnection}), read from the identity provider: what the customer's
 * IT needs to configure their side is in {@code saml_config} (entity id, ACS URL, this service provider's metadata
 * URL) or {@code oidc_config} (redirect URI). The OIDC client secret is never returned.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
    "__type__",
    "__environment__",
    "active",
    "id",
    "inserted_at",
    "number_users_provisioning_limit",
    "onboarding",
    "organization",
    "provider_type",
    "saml_config",
    "oidc_config",
    "sp_id",
    "updated_at",
    "users_access_policy"
})
public record CryptrSsoConnection(
        @JsonProperty("__type__") String type,
        @JsonProperty("__environment__") String environment,
        @JsonProperty("active") boolean active,
        @JsonProperty("id") String id,
        @JsonProperty("inserted_at") String insertedAt,
        @JsonProperty("number_users_provisioning_limit") Integer provisioningLimit,
        // Cryptr's create (and get) expands "onboarding": a fresh link for a caller who may manage the connection.
        @JsonProperty("onboarding") Object onboarding,
        @JsonProperty("organization") OrganizationRepresentation organization,
        @JsonProperty("provider_type") String providerType,

        @JsonProperty("saml_config") @JsonInclude(JsonInclude.Include.NON_NULL)
        SamlConfig samlConfig,

        @JsonProperty("oidc_config") @JsonInclude(JsonInclude.Include.NON_NULL)
        OidcConfig oidcConfig,

        @JsonProperty("sp_id") String spId,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("users_access_policy") String usersAccessPolicy) {

    public static final String TYPE = "SsoConnection";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SamlConfig(
            @JsonProperty("entity_id") String entityId,
            @JsonProperty("acs_url") String acsUrl,
            @JsonProperty("sp_metadata_url") String spMetadataUrl,
            @JsonProperty("idp_entity_id") String idpEntityId,
            @JsonProperty("sso_provider_metadata") String providerMetadataUrl) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OidcConfig(
            @JsonProperty("redirect_uri") String redirectUri,
            @JsonProperty("issuer") String issuer,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("discovery_url") String discoveryUrl) {}

    /**
     * @param serverBase this server's base URI (request context)
     * @param realmName the environment's realm
     */
    public static CryptrSsoConnection of(
            IdentityProviderModel idp,
            String environment,
            OrganizationRepresentation organization,
            URI serverBase,
            String realmName) {
        Map<String, String> config = idp.getConfig();
        String issuer = Urls.realmIssuer(serverBase, realmName);
        String endpoint = issuer + "/broker/" + SsoKeys.ALIAS + "/endpoint";
        boolean saml = "saml".equals(idp.getProviderId());
        String spId = saml && config.get("entityId") != null ? config.get("entityId") : issuer;
        return new CryptrSsoConnection(
                TYPE,
                environment,
                idp.isEnabled(),
                config.get(SsoKeys.ID),
                iso(config.get(SsoKeys.INSERTED_AT)),
                number(config.get(SsoKeys.PROVISIONING_LIMIT)),
                null,
                organization,
                config.get(SsoKeys.PROVIDER_TYPE),
                saml
                        ? new SamlConfig(
                                spId,
                                endpoint,
                                endpoint + "/descriptor",
                                config.get("idpEntityId"),
                                config.get(SsoKeys.METADATA_URL))
                        : null,
                saml
                        ? null
                        : new OidcConfig(
                                endpoint,
                                config.get("issuer"),
                                config.get("clientId"),
                                config.get(SsoKeys.METADATA_URL)),
                spId,
                iso(config.get(SsoKeys.UPDATED_AT)),
                config.get(SsoKeys.USERS_ACCESS_POLICY));
    }

    /** The same with an {@code onboarding} object (null: none). */
    public CryptrSsoConnection withOnboarding(Object link) {
        return with(link, organization);
    }

    /** The same without the nested organization, for admin events. */
    public CryptrSsoConnection withoutOrganization() {
        return with(onboarding, null);
    }

    private CryptrSsoConnection with(Object link, OrganizationRepresentation org) {
        return new CryptrSsoConnection(
                type,
                environment,
                active,
                id,
                insertedAt,
                provisioningLimit,
                link,
                org,
                providerType,
                samlConfig,
                oidcConfig,
                spId,
                updatedAt,
                usersAccessPolicy);
    }

    private static String iso(String millis) {
        try {
            return millis == null
                    ? null
                    : Instant.ofEpochMilli(Long.parseLong(millis)).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
