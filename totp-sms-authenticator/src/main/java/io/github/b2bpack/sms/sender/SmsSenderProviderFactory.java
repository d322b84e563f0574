package io.github.b2bpack.sms.sender;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * Factory of an {@link SmsSenderProvider}; server-wide gateway settings are its SPI options.
 * Senders read their options in {@code init} and hold no resources, hence the no-op lifecycle defaults.
 */
public interface SmsSenderProviderFactory extends ProviderFactory<SmsSenderProvider> {

    @Override
    default void postInit(KeycloakSessionFactory factory) {}

    @Override
    default void close() {}
}
