package io.github.b2bpack.sms.sender;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Factory of an HTTP gateway sender: reads the gateway's settings record from its SPI options once, at
 * start-up, and hands it to every sender it creates. A gateway is then its id, its settings reader,
 * its sender constructor and its option list.
 *
 * @param <S> the gateway's settings record
 */
public abstract class GatewaySenderFactory<S> implements SmsSenderProviderFactory {

    private final String id;
    private final Function<Config.Scope, S> settingsReader;
    private final BiFunction<KeycloakSession, S, SmsSenderProvider> senders;
    private final List<ProviderConfigProperty> options;
    private S settings;

    protected GatewaySenderFactory(
            String id,
            Function<Config.Scope, S> settingsReader,
            BiFunction<KeycloakSession, S, SmsSenderProvider> senders,
            List<ProviderConfigProperty> options) {
        this.id = id;
        this.settingsReader = settingsReader;
        this.senders = senders;
        this.options = List.copyOf(options);
    }

    @Override
    public final SmsSenderProvider create(KeycloakSession session) {
        return senders.apply(session, settings);
    }

    @Override
    public final void init(Config.Scope config) {
        settings = settingsReader.apply(config);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        return options;
    }
}
