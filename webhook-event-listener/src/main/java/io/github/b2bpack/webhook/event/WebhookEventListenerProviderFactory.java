package io.github.b2bpack.webhook.event;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.config.EncryptionKeys;
import io.github.b2bpack.webhook.config.WebhookOptions;
import io.github.b2bpack.webhook.config.WebhookSettings;
import io.github.b2bpack.webhook.delivery.WebhookSender;
import io.github.b2bpack.webhook.healing.EndpointHealth;
import io.github.b2bpack.webhook.healing.HealthStore;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import io.github.b2bpack.webhook.migration.LegacyWebhookMigration;
import io.github.b2bpack.webhook.outbox.OutboxDrainer;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.SecretCipher;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.exportimport.ExportImportConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Event listener {@value #ID}: enabled per realm in its event settings, it turns user and admin events
 * into signed Standard Webhooks. Server-wide options: {@code spi-events-listener--webhooks--<option>}
 * ({@link WebhookOptions}). Creates the node's {@link WebhookRuntime} and starts its drainer once the schema is in place.
 */
public final class WebhookEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String ID = "webhooks";

    private static final Logger LOG = Logger.getLogger(WebhookEventListenerProviderFactory.class);

    private WebhookSettings settings;
    private volatile WebhookRuntime runtime;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new WebhookEventListenerProvider(session, runtime);
    }

    @Override
    public void init(Config.Scope config) {
        settings = WebhookOptions.read(
                config::get,
                encryptionKeys(
                        config.get(WebhookOptions.ENCRYPTION_KEY.name()),
                        config.get(WebhookOptions.ENCRYPTION_KEYS_PREVIOUS.name())));
    }

    /**
     * Fail closed: without a key in production, signature keys cannot be stored or read, so no webhook
     * can be created. In development mode a fixed, loudly insecure key keeps {@code start-dev} usable.
     */
    private static EncryptionKeys encryptionKeys(String configured, String previous) {
        String option = WebhookOptions.ENCRYPTION_KEY.name();
        if (configured != null && !configured.isBlank()) {
            return EncryptionKeys.parse(configured, previous);
        }
        if (Environment.isDevMode()) {
            LOG.warnf(
                    "No %s configured for the webhooks listener: using an INSECURE development key. Set "
                            + "spi-events-listener--webhooks--%s to 32 random bytes in base64 before production.",
                    option, option);
            return EncryptionKeys.insecureDevelopmentKey();
        }
        LOG.errorf(
                "No %s configured for the webhooks listener: webhooks cannot be created or delivered until "
                        + "spi-events-listener--webhooks--%s is set (32 random bytes, base64).",
                option, option);
        return null;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        EncryptionKeys keys = settings.encryptionKeys();
        SecretCipher cipher = keys == null ? null : new SecretCipher(keys);
        WebhookMetrics metrics = new WebhookMetrics();
        WebhookSender sender = new WebhookSender(
                settings.addressPolicy(), settings.connectTimeout(), settings.requestTimeout(), settings.concurrency());
        OutboxDrainer drainer = new OutboxDrainer(factory, settings, cipher, sender, metrics);
        drainer.observe(new EndpointHealth(factory, settings.disableAfter(), metrics, drainer::kick));
        ActiveWebhooks subscriptions = new ActiveWebhooks();
        runtime = new WebhookRuntime(settings, cipher, drainer, metrics, subscriptions);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                if (ExportImportConfig.ACTION_EXPORT.equals(ExportImportConfig.getAction())) {
                    // kc.sh export (a process beside the running servers, on the same database): it must not
                    // claim or send deliveries, nor move anything.
                    return;
                }
                // Sweeping starts once the schema (our changelog included) is in place and the webhooks of earlier
                // versions are components.
                migrateLegacyWebhooks(factory);
                drainer.start();
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                // The version attribute exists from the realm's creation on, so the first webhooks created at once
                // update it rather than each inserting it: on MySQL/MariaDB (repeatable read) a transaction that
                // waited for the realm lock still reads the realm's attributes as they were before, and two
                // inserts of the same attribute failed with a duplicate key (WebhookHardeningIT on MariaDB).
                ActiveWebhooks.changed(created.getCreatedRealm());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                String realmId = removed.getRealm().getId();
                new OutboxStore(removed.getKeycloakSession()).deleteRealm(realmId);
                new HealthStore(removed.getKeycloakSession()).deleteRealm(realmId);
                new WebhookStore(removed.getKeycloakSession(), null).deleteRealm(realmId);
                subscriptions.forget(realmId);
            }
        });
    }

    /**
     * Rows of {@code B2BPACK_WEBHOOK} (earlier versions) become components, in one transaction across the cluster
     * ({@link LegacyWebhookMigration}). A failure (e.g. no encryption key configured, so keys cannot be checked)
     * leaves the rows for the next start and is logged; the server still starts.
     */
    private static void migrateLegacyWebhooks(KeycloakSessionFactory factory) {
        try {
            int migrated = KeycloakModelUtils.runJobInTransactionWithResult(
                    factory, session -> new LegacyWebhookMigration(session).run());
            if (migrated > 0) {
                LOG.infof("%d webhooks of an earlier version moved to realm components (same ids and keys)", migrated);
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    "webhooks of an earlier version could not be moved to realm components, retried at the next"
                            + " start: %s",
                    e.getMessage());
        }
    }

    /** The node's runtime, for the admin REST resources. */
    public WebhookRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        WebhookRuntime r = runtime;
        if (r != null) {
            r.drainer().close();
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (WebhookOptions.Option option : WebhookOptions.ALL) {
            var property = builder.property()
                    .name(option.name())
                    .type(option.type())
                    .secret(option.secret())
                    .helpText(option.help());
            if (option.defaultValue() != null) {
                property.defaultValue(
                        "int".equals(option.type()) ? Integer.valueOf(option.defaultValue()) : option.defaultValue());
            }
            property.add();
        }
        return builder.build();
    }
}
