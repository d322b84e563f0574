package io.github.b2bpack.org.sso;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Cryptr's {@code provider_type}: the protocol, and the names under which that product sends the email, first
 * and last name (SAML attribute names, OIDC claims), which become the identity provider's attribute mappers.
 */
public enum ProviderType {
    SAML_AZURE_AD("saml.azure_ad", Protocol.SAML, Claims.MICROSOFT),
    SAML_ADFS("saml.adfs", Protocol.SAML, Claims.MICROSOFT),
    SAML_OKTA("saml.okta", Protocol.SAML, Claims.CAMEL),
    SAML_PING("saml.ping", Protocol.SAML, Claims.LDAP),
    SAML_ONELOGIN("saml.onelogin", Protocol.SAML, new Names("User.email", "User.FirstName", "User.LastName")),
    SAML_CUSTOM("saml.custom", Protocol.SAML, Claims.CAMEL),
    OIDC_GENERIC("oidc.generic", Protocol.OIDC, Claims.OIDC),
    OIDC_GOOGLE("oidc.google", Protocol.OIDC, Claims.OIDC),
    OIDC_AZURE_AD("oidc.azure_ad", Protocol.OIDC, Claims.OIDC);

    public enum Protocol {
        SAML("saml"),
        OIDC("oidc");

        private final String keycloakProviderId;

        Protocol(String keycloakProviderId) {
            this.keycloakProviderId = keycloakProviderId;
        }

        /** Keycloak's identity provider factory id. */
        public String keycloakProviderId() {
            return keycloakProviderId;
        }
    }

    /** Where a provider puts the three attributes. */
    public record Names(String email, String firstName, String lastName) {}

    private static final class Claims {
        static final Names MICROSOFT = new Names(
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname");
        static final Names CAMEL = new Names("email", "firstName", "lastName");
        static final Names LDAP = new Names("mail", "givenName", "sn");
        static final Names OIDC = new Names("email", "given_name", "family_name");
    }

    private final String id;
    private final Protocol protocol;
    private final Names names;

    ProviderType(String id, Protocol protocol, Names names) {
        this.id = id;
        this.protocol = protocol;
        this.names = names;
    }

    public String id() {
        return id;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Names names() {
        return names;
    }

    public static Optional<ProviderType> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }
}
