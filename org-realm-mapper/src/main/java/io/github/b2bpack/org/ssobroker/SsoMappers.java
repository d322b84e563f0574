package io.github.b2bpack.org.ssobroker;

import io.github.b2bpack.org.sso.ProviderType;
import io.github.b2bpack.org.sso.SsoKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The connection's three attribute mappers (email, first name, last name) under the names the provider type sends
 * them, with Keycloak's own mappers ({@code saml-user-attribute-idp-mapper}, {@code oidc-user-attribute-idp-mapper}).
 * Runs with the organization's realm as context realm; replaces the pack's mappers, keeps any other.
 */
final class SsoMappers {

    static final String NAME_PREFIX = "b2bpack ";

    private SsoMappers() {}

    static void replace(KeycloakSession session, ProviderType type) {
        IdentityProviderStorageProvider store = session.identityProviders();
        store.getMappersByAliasStream(SsoKeys.ALIAS)
                .filter(m -> m.getName().startsWith(NAME_PREFIX))
                .toList()
                .forEach(store::removeMapper);
        ProviderType.Names names = type.names();
        for (List<String> pair : List.of(
                List.of(UserModel.EMAIL, names.email()),
                List.of(UserModel.FIRST_NAME, names.firstName()),
                List.of(UserModel.LAST_NAME, names.lastName()))) {
            IdentityProviderMapperModel mapper = new IdentityProviderMapperModel();
            mapper.setName(NAME_PREFIX + pair.get(0));
            mapper.setIdentityProviderAlias(SsoKeys.ALIAS);
            Map<String, String> config = new HashMap<>();
            config.put("syncMode", "INHERIT");
            config.put("user.attribute", pair.get(0));
            if (type.protocol() == ProviderType.Protocol.SAML) {
                mapper.setIdentityProviderMapper("saml-user-attribute-idp-mapper");
                config.put("attribute.name", pair.get(1));
            } else {
                mapper.setIdentityProviderMapper("oidc-user-attribute-idp-mapper");
                config.put("claim", pair.get(1));
            }
            mapper.setConfig(config);
            store.createMapper(mapper);
        }
    }
}
