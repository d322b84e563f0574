package io.github.b2bpack.sms.sender;

import org.keycloak.provider.ProviderFactory;

/** Factory of an {@link SmsSenderProvider}; server-wide gateway settings are its SPI options. */
public interface SmsSenderProviderFactory extends ProviderFactory<SmsSenderProvider> {
}
