package io.github.b2bpack.password.legacy;

import io.github.b2bpack.password.options.IntOption;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Shared glue of the verify-only legacy hash providers: server-wide cost caps read from SPI options
 * ({@code --spi-password-hashing--<id>--<option>}) and a bound on concurrent verifications, because
 * memory-hard hashes allocate their memory per login attempt. A subclass names its id and caps and
 * says how a credential is read under the configured caps.
 */
abstract class LegacyPasswordHashProviderFactory implements PasswordHashProviderFactory {

    static final String MAX_CONCURRENT = "max-concurrent";

    /**
     * One integer cap on what an imported hash may ask for; every legacy option but
     * {@value #MAX_CONCURRENT} is one.
     */
    record Cap(String name, int defaultValue, int min, int max, String helpText) {}

    private final String id;
    private final List<Cap> caps;
    private Semaphore permits;
    private LegacyHashReader reader;
    private LegacyHashMetrics metrics;

    LegacyPasswordHashProviderFactory(String id, Cap... caps) {
        this.id = id;
        this.caps = List.of(caps);
    }

    /** How this factory reads a credential under the caps as configured, called once at {@link #init}. */
    abstract LegacyHashReader reader(Map<Cap, Integer> configured);

    /** The whole stored string ({@code secretData.value}): how bcrypt and the PHC formats are imported. */
    static String storedValue(PasswordCredentialModel credential) {
        return credential.getPasswordSecretData().getValue();
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final void init(Config.Scope config) {
        Map<Cap, Integer> configured = new HashMap<>();
        for (Cap cap : caps) {
            configured.put(
                    cap, option(cap.name(), cap.min(), cap.max()).parse(read(config, cap.name()), cap.defaultValue()));
        }
        int concurrent = option(MAX_CONCURRENT, 1, 1024)
                .parse(read(config, MAX_CONCURRENT), Runtime.getRuntime().availableProcessors());
        permits = new Semaphore(concurrent, true);
        reader = reader(Map.copyOf(configured));
        metrics = new LegacyHashMetrics(Metrics.globalRegistry, id);
    }

    private IntOption option(String name, int min, int max) {
        return new IntOption("spi-password-hashing--" + id + "--" + name, min, max);
    }

    private static String read(Config.Scope config, String name) {
        return config == null ? null : config.get(name);
    }

    @Override
    public final PasswordHashProvider create(KeycloakSession session) {
        return new LegacyPasswordHashProvider(id, reader, permits, metrics);
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {}

    @Override
    public final void close() {}

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Cap cap : caps) {
            builder.property()
                    .name(cap.name())
                    .type(ProviderConfigProperty.INTEGER_TYPE)
                    .defaultValue(cap.defaultValue())
                    .helpText(cap.helpText())
                    .add();
        }
        builder.property()
                .name(MAX_CONCURRENT)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How many " + id
                        + " verifications may run at once on this node; more wait. Default: the number of CPU cores.")
                .add();
        return new ArrayList<>(builder.build());
    }
}
