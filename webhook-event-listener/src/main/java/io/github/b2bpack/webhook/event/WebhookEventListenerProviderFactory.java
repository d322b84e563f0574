package io.github.b2bpack.webhook.event;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.config.Durations;
import io.github.b2bpack.webhook.config.EncryptionKeys;
import io.github.b2bpack.webhook.config.WebhookSettings;
import io.github.b2bpack.webhook.delivery.AddressPolicy;
import io.github.b2bpack.webhook.delivery.HostResolver;
import io.github.b2bpack.webhook.delivery.SsrfGuard;
import io.github.b2bpack.webhook.delivery.WebhookSender;
import io.github.b2bpack.webhook.metrics.WebhookMetrics;
import io.github.b2bpack.webhook.outbox.OutboxDrainer;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.retry.RetrySchedule;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.SecretCipher;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Event listener {@value #ID}: enabled per realm in its event settings, it turns user and admin events
 * into signed Standard Webhooks. Server-wide options: {@code spi-events-listener--webhooks--<option>}.
 */
public final class WebhookEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String ID = "webhooks";

    private static final Logger LOG = Logger.getLogger(WebhookEventListenerProviderFactory.class);

    static final String ENCRYPTION_KEY = "encryption-key";
    static final String ENCRYPTION_KEYS_PREVIOUS = "encryption-keys-previous";
    static final String MAX_WEBHOOKS_PER_REALM = "max-webhooks-per-realm";
    static final String MAX_IN_FLIGHT_PER_REALM = "max-in-flight-per-realm";
    static final String ALLOWED_NETWORKS = "allowed-networks";
    static final String RETRY_SCHEDULE = "retry-schedule";
    static final String RETRY_JITTER = "retry-jitter";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final String SWEEP_INTERVAL = "sweep-interval";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final String CONCURRENCY = "concurrency";
    static final String BATCH_SIZE = "batch-size";
    static final String CLAIM_TIMEOUT = "claim-timeout";
    static final String SECRET_GRACE_PERIOD = "secret-grace-period";
    static final String KEEP_COMPLETED = "retention-completed";
    static final String KEEP_DISCARDED = "retention-discarded";
    static final String PURGE_INTERVAL = "purge-interval";
    static final String MAX_REPRESENTATION = "max-representation-chars";

    private WebhookSettings settings;
    private volatile WebhookRuntime runtime;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new WebhookEventListenerProvider(session, runtime);
    }

    @Override
    public void init(Config.Scope config) {
        int concurrency = config.getInt(CONCURRENCY, 16);
        settings = new WebhookSettings(
                encryptionKeys(config.get(ENCRYPTION_KEY), config.get(ENCRYPTION_KEYS_PREVIOUS)),
                AddressPolicy.parse(config.get(ALLOWED_NETWORKS, "")),
                new RetrySchedule(Durations.parseList(config.get(RETRY_SCHEDULE, "5s,5m,30m,2h,5h,10h,10h")),
                        Double.parseDouble(config.get(RETRY_JITTER, "0.25")), config.getInt(MAX_ATTEMPTS, 5)),
                Durations.parse(config.get(SWEEP_INTERVAL, "5s")),
                Durations.parse(config.get(CONNECT_TIMEOUT, "5s")),
                Durations.parse(config.get(REQUEST_TIMEOUT, "15s")),
                concurrency,
                config.getInt(BATCH_SIZE, 100),
                Durations.parse(config.get(CLAIM_TIMEOUT, "60s")),
                Durations.parse(config.get(SECRET_GRACE_PERIOD, "24h")),
                Durations.parse(config.get(KEEP_COMPLETED, "24h")),
                Durations.parse(config.get(KEEP_DISCARDED, "30d")),
                Durations.parse(config.get(PURGE_INTERVAL, "10m")),
                config.getInt(MAX_REPRESENTATION, 32768),
                config.getInt(MAX_WEBHOOKS_PER_REALM, 50),
                // Three quarters of the senders by default: one busy realm keeps most of the throughput, and a realm
                // whose receivers hang still leaves a quarter to every other realm.
                config.getInt(MAX_IN_FLIGHT_PER_REALM, Math.max(1, concurrency * 3 / 4)));
        if (settings.requestTimeout().compareTo(settings.claimTimeout()) >= 0) {
            throw new IllegalArgumentException("claim-timeout must exceed request-timeout, or a slow attempt would be claimed twice");
        }
    }

    /**
     * Fail closed: without a key in production, signature keys cannot be stored or read, so no webhook
     * can be created. In development mode a fixed, loudly insecure key keeps {@code start-dev} usable.
     */
    private static EncryptionKeys encryptionKeys(String configured, String previous) {
        if (configured != null && !configured.isBlank()) {
            return EncryptionKeys.parse(configured, previous);
        }
        if (Environment.isDevMode()) {
            LOG.warnf("No %s configured for the webhooks listener: using an INSECURE development key. Set "
                    + "spi-events-listener--webhooks--%s to 32 random bytes in base64 before production.", ENCRYPTION_KEY, ENCRYPTION_KEY);
            try {
                byte[] dev = MessageDigest.getInstance("SHA-256").digest("b2bpack-webhooks-insecure-dev-key".getBytes(StandardCharsets.UTF_8));
                return new EncryptionKeys(null, dev, Map.of());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        LOG.errorf("No %s configured for the webhooks listener: webhooks cannot be created or delivered until "
                + "spi-events-listener--webhooks--%s is set (32 random bytes, base64).", ENCRYPTION_KEY, ENCRYPTION_KEY);
        return null;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        EncryptionKeys keys = settings.encryptionKeys();
        SecretCipher cipher = keys == null ? null : new SecretCipher(keys);
        WebhookMetrics metrics = new WebhookMetrics();
        WebhookSender sender = new WebhookSender(new SsrfGuard(settings.addressPolicy(), HostResolver.SYSTEM), settings.connectTimeout(), settings.requestTimeout(),
                settings.concurrency());
        OutboxDrainer drainer = new OutboxDrainer(factory, settings, cipher, sender, metrics);
        ActiveWebhooks subscriptions = new ActiveWebhooks();
        runtime = new WebhookRuntime(settings, cipher, drainer, metrics, subscriptions);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                // Sweeping starts once the schema (our changelog included) is in place.
                drainer.start();
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                String realmId = removed.getRealm().getId();
                new OutboxStore(removed.getKeycloakSession()).deleteRealm(realmId);
                new WebhookStore(removed.getKeycloakSession(), null).deleteRealm(realmId);
                subscriptions.forget(realmId);
            }
        });
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
        return ProviderConfigurationBuilder.create()
                .property().name(ENCRYPTION_KEY).type("string").secret(true)
                .helpText("AES key (16, 24 or 32 bytes, base64) encrypting webhook signature keys at rest, optionally with a key id "
                        + "(kid:base64) so it can be rotated. Required in production.")
                .add()
                .property().name(ENCRYPTION_KEYS_PREVIOUS).type("string").secret(true)
                .helpText("Comma-separated kid:base64 keys that only decrypt: the keys rotated out, kept until every webhook "
                        + "was written again under the current key.")
                .add()
                .property().name(MAX_IN_FLIGHT_PER_REALM).type("int")
                .helpText("Attempts of one realm in flight on one node at a time (default: three quarters of concurrency), so a "
                        + "realm whose receivers hang cannot hold every sender; its other deliveries wait their turn.")
                .add()
                .property().name(MAX_WEBHOOKS_PER_REALM).type("int").defaultValue(50)
                .helpText("Webhooks one realm may have; creating one more answers 409 limit_exceeded.")
                .add()
                .property().name(ALLOWED_NETWORKS).type("string").defaultValue("")
                .helpText("Comma-separated CIDR blocks webhooks may reach although private, loopback or link-local (SSRF guard).")
                .add()
                .property().name(RETRY_SCHEDULE).type("string").defaultValue("5s,5m,30m,2h,5h,10h,10h")
                .helpText("Delays before attempt 2, 3, ...; the last one repeats.")
                .add()
                .property().name(RETRY_JITTER).type("string").defaultValue("0.25")
                .helpText("Each delay is multiplied by a random factor in [1 - jitter, 1 + jitter].")
                .add()
                .property().name(MAX_ATTEMPTS).type("int").defaultValue(5)
                .helpText("Attempts before a delivery is discarded.")
                .add()
                .property().name(SWEEP_INTERVAL).type("string").defaultValue("5s")
                .helpText("How often each node looks for due deliveries besides the post-commit wake-up.")
                .add()
                .property().name(CONNECT_TIMEOUT).type("string").defaultValue("5s").helpText("TCP connect timeout of one attempt.").add()
                .property().name(REQUEST_TIMEOUT).type("string").defaultValue("15s").helpText("Total time one attempt may take.").add()
                .property().name(CONCURRENCY).type("int").defaultValue(16).helpText("Parallel attempts per node.").add()
                .property().name(BATCH_SIZE).type("int").defaultValue(100).helpText("Deliveries claimed per claim transaction.").add()
                .property().name(CLAIM_TIMEOUT).type("string").defaultValue("60s")
                .helpText("After this, an attempt claimed by a node that stopped (also a first attempt it had not yet made) is claimed again.").add()
                .property().name(SECRET_GRACE_PERIOD).type("string").defaultValue("24h")
                .helpText("How long a rotated-out signature key keeps signing beside the new one.").add()
                .property().name(KEEP_COMPLETED).type("string").defaultValue("24h").helpText("Retention of completed deliveries.").add()
                .property().name(KEEP_DISCARDED).type("string").defaultValue("30d")
                .helpText("Retention of discarded and cancelled deliveries.").add()
                .property().name(PURGE_INTERVAL).type("string").defaultValue("10m").helpText("How often the retention purge runs.").add()
                .property().name(MAX_REPRESENTATION).type("int").defaultValue(32768)
                .helpText("Admin representations longer than this are left out of payloads (flagged representation_truncated).").add()
                .build();
    }
}
