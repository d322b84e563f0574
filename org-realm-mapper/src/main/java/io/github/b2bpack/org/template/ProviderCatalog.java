package io.github.b2bpack.org.template;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormAuthenticator;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.provider.Provider;

/** Which providers this server has installed: the template only keeps parts it can satisfy. */
public interface ProviderCatalog {

    boolean passwordPolicy(String id);

    boolean passwordHash(String id);

    boolean eventListener(String id);

    /** An authenticator, form action, form authenticator or client authenticator. */
    boolean authenticator(String id);

    boolean requiredAction(String id);

    /** The catalog of a running server. */
    static ProviderCatalog of(KeycloakSessionFactory factory) {
        return new ProviderCatalog() {
            @Override
            public boolean passwordPolicy(String id) {
                return has(PasswordPolicyProvider.class, id);
            }

            @Override
            public boolean passwordHash(String id) {
                return has(PasswordHashProvider.class, id);
            }

            @Override
            public boolean eventListener(String id) {
                return has(EventListenerProvider.class, id);
            }

            @Override
            public boolean authenticator(String id) {
                return has(Authenticator.class, id)
                        || has(FormAction.class, id)
                        || has(FormAuthenticator.class, id)
                        || has(ClientAuthenticator.class, id);
            }

            @Override
            public boolean requiredAction(String id) {
                return has(RequiredActionProvider.class, id);
            }

            private boolean has(Class<? extends Provider> spi, String id) {
                return id != null && factory.getProviderFactory(spi, id) != null;
            }
        };
    }
}
