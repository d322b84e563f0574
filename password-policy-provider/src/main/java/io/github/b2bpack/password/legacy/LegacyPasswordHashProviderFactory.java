package io.github.b2bpack.password.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Metrics;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Shared glue of the verify-only legacy hash providers: server-wide cost caps read from SPI options
 * ({@code --spi-password-hashing--<id>--<option>}) and a bound on concurrent verifications, because
 * memory-hard hashes allocate their memory per login attempt.
 */
abstract class LegacyPasswordHashProviderFactory implements PasswordHashProviderFactory {

    static final String MAX_CONCURRENT = "max-concurrent";

    private Semaphore permits;
    private LegacyHashVerifier verifier;
    private LegacyHashMetrics metrics;

    /** The verifier built from this factory's configuration, called once at {@link #init}. */
    abstract LegacyHashVerifier configure(Options options);

    /** This factory's own options, added to {@link #MAX_CONCURRENT}. */
    abstract void describeOptions(ProviderConfigurationBuilder builder);

    @Override
    public final void init(Config.Scope config) {
        Options options = new Options(getId(), config);
        permits = new Semaphore(options.intOption(MAX_CONCURRENT, Runtime.getRuntime().availableProcessors(), 1, 1024), true);
        verifier = configure(options);
        metrics = new LegacyHashMetrics(Metrics.globalRegistry, getId());
    }

    @Override
    public final PasswordHashProvider create(KeycloakSession session) {
        return new LegacyPasswordHashProvider(getId(), verifier, permits, metrics);
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        describeOptions(builder);
        builder.property().name(MAX_CONCURRENT).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How many " + getId() + " verifications may run at once on this node; more wait. Default: the number of CPU cores.")
                .add();
        return new ArrayList<>(builder.build());
    }

    /** Declares one integer cap: every legacy option is a bound on what an imported hash may ask for. */
    static void intOption(ProviderConfigurationBuilder builder, String name, int defaultValue, String helpText) {
        builder.property().name(name).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(defaultValue).helpText(helpText).add();
    }

    /** Reads and range-checks SPI options, failing startup with a clear message on a bad value. */
    static final class Options {

        private final String providerId;
        private final Config.Scope config;

        Options(String providerId, Config.Scope config) {
            this.providerId = providerId;
            this.config = config;
        }

        int intOption(String name, int defaultValue, int min, int max) {
            String raw = config == null ? null : config.get(name);
            if (raw == null || raw.isBlank()) {
                return defaultValue;
            }
            int value;
            try {
                value = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw invalid(name, raw, min, max);
            }
            if (value < min || value > max) {
                throw invalid(name, raw, min, max);
            }
            return value;
        }

        private IllegalArgumentException invalid(String name, String raw, int min, int max) {
            return new IllegalArgumentException("Option spi-password-hashing--" + providerId + "--" + name + "=" + raw
                    + " is invalid: expected an integer in [" + min + ", " + max + "]");
        }
    }
}
