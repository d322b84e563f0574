package io.github.b2bpack.webhook.config;

import io.github.b2bpack.webhook.claim.ClaimMode;
import io.github.b2bpack.webhook.delivery.AddressPolicy;
import io.github.b2bpack.webhook.recover.RecoverBounds;
import io.github.b2bpack.webhook.retry.RetrySchedule;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The SPI options of the {@code webhooks} listener ({@code spi-events-listener--webhooks--<name>}; see
 * {@code docs/webhook-event-listener.md}), each declared once: its name, type, default and help serve both
 * reading the values ({@link #read}) and the server's list of options.
 */
public final class WebhookOptions {

    /**
     * One option.
     *
     * @param type         {@code string} or {@code int}, as Keycloak lists it
     * @param defaultValue null when there is none, or when it is computed from another option
     */
    public record Option(String name, String type, String defaultValue, boolean secret, String help) {}

    public static final Option ENCRYPTION_KEY = new Option(
            "encryption-key",
            "string",
            null,
            true,
            "AES key (16, 24 or 32 bytes, base64) encrypting webhook signature keys at rest, optionally with a key id "
                    + "(kid:base64) so it can be rotated. Required in production.");
    public static final Option ENCRYPTION_KEYS_PREVIOUS = new Option(
            "encryption-keys-previous",
            "string",
            null,
            true,
            "Comma-separated kid:base64 keys that only decrypt: the keys rotated out, kept until every webhook "
                    + "was written again under the current key.");
    static final Option MAX_IN_FLIGHT_PER_REALM = new Option(
            "max-in-flight-per-realm",
            "int",
            null,
            false,
            "Attempts of one realm in flight on one node at a time (default: three quarters of concurrency), so a "
                    + "realm whose receivers hang cannot hold every sender; its other deliveries wait their turn.");
    static final Option MAX_WEBHOOKS_PER_REALM = new Option(
            "max-webhooks-per-realm",
            "int",
            "50",
            false,
            "Webhooks one realm may have; creating one more answers 409 limit_exceeded.");
    static final Option ALLOWED_NETWORKS = new Option(
            "allowed-networks",
            "string",
            "",
            false,
            "Comma-separated CIDR blocks webhooks may reach although private, loopback or link-local (SSRF guard).");
    static final Option RETRY_SCHEDULE = new Option(
            "retry-schedule",
            "string",
            "5s,5m,30m,2h,5h,10h,10h",
            false,
            "Delays before attempt 2, 3, ...; the last one repeats.");
    static final Option RETRY_JITTER = new Option(
            "retry-jitter",
            "string",
            "0.25",
            false,
            "Each delay is multiplied by a random factor in [1 - jitter, 1 + jitter].");
    static final Option MAX_ATTEMPTS =
            new Option("max-attempts", "int", "5", false, "Attempts before a delivery is discarded.");
    static final Option SWEEP_INTERVAL = new Option(
            "sweep-interval",
            "string",
            "5s",
            false,
            "How often each node looks for due deliveries besides the post-commit wake-up.");
    static final Option CONNECT_TIMEOUT =
            new Option("connect-timeout", "string", "5s", false, "TCP connect timeout of one attempt.");
    static final Option REQUEST_TIMEOUT =
            new Option("request-timeout", "string", "15s", false, "Total time one attempt may take.");
    static final Option CONCURRENCY = new Option("concurrency", "int", "16", false, "Parallel attempts per node.");
    static final Option BATCH_SIZE =
            new Option("batch-size", "int", "100", false, "Deliveries claimed per claim transaction.");
    static final Option CLAIM_TIMEOUT = new Option(
            "claim-timeout",
            "string",
            "60s",
            false,
            "After this, an attempt claimed by a node that stopped (also a first attempt it had not yet made) is claimed again.");
    static final Option CLAIM_STRATEGY = new Option(
            "claim-strategy",
            "string",
            "auto",
            false,
            "How nodes claim due deliveries: skip-locked (SELECT ... FOR UPDATE SKIP LOCKED), conditional-update "
                    + "(portable) or auto (skip-locked on PostgreSQL, conditional-update elsewhere).");
    static final Option SECRET_GRACE_PERIOD = new Option(
            "secret-grace-period",
            "string",
            "24h",
            false,
            "How long a rotated-out signature key keeps signing beside the new one.");
    static final Option KEEP_COMPLETED =
            new Option("retention-completed", "string", "24h", false, "Retention of completed deliveries.");
    static final Option KEEP_DISCARDED = new Option(
            "retention-discarded", "string", "30d", false, "Retention of discarded and cancelled deliveries.");
    static final Option PURGE_INTERVAL =
            new Option("purge-interval", "string", "10m", false, "How often the retention purge runs.");
    static final Option RECOVER_MAX_WINDOW = new Option(
            "recover-max-window",
            "string",
            "30d",
            false,
            "How far back one recover call (POST .../webhooks/{id}/recover) may reach: a since older than this "
                    + "answers 400 window_too_large.");
    static final Option RECOVER_MAX_COUNT = new Option(
            "recover-max-count",
            "int",
            "10000",
            false,
            "Discarded deliveries one recover call re-queues at most (newest first); the answer says whether more "
                    + "remain, and calling again recovers them. 1 to 100000.");
    static final Option DISABLE_AFTER = new Option(
            "disable-after",
            "string",
            "5d",
            false,
            "A webhook whose every attempt has failed for this long is disabled (deactivated_reason auto_disabled), "
                    + "with an admin event and the operational event webhook.endpoint.disabled; at least 1s.");
    static final Option MAX_REPRESENTATION = new Option(
            "max-representation-chars",
            "int",
            "32768",
            false,
            "Admin representations longer than this are left out of payloads (flagged representation_truncated).");

    /** Every option, in the order the server lists them. */
    public static final List<Option> ALL = List.of(
            ENCRYPTION_KEY,
            ENCRYPTION_KEYS_PREVIOUS,
            MAX_IN_FLIGHT_PER_REALM,
            MAX_WEBHOOKS_PER_REALM,
            ALLOWED_NETWORKS,
            RETRY_SCHEDULE,
            RETRY_JITTER,
            MAX_ATTEMPTS,
            SWEEP_INTERVAL,
            CONNECT_TIMEOUT,
            REQUEST_TIMEOUT,
            CONCURRENCY,
            BATCH_SIZE,
            CLAIM_TIMEOUT,
            CLAIM_STRATEGY,
            SECRET_GRACE_PERIOD,
            KEEP_COMPLETED,
            KEEP_DISCARDED,
            PURGE_INTERVAL,
            RECOVER_MAX_WINDOW,
            RECOVER_MAX_COUNT,
            DISABLE_AFTER,
            MAX_REPRESENTATION);

    private final Function<String, String> values;

    private WebhookOptions(Function<String, String> values) {
        this.values = values;
    }

    /**
     * The settings the options give; invalid values throw {@link IllegalArgumentException}, which stops the server.
     *
     * @param values         an option's value by name, null when it is not set
     * @param encryptionKeys the keys of {@link #ENCRYPTION_KEY} and {@link #ENCRYPTION_KEYS_PREVIOUS}, or the development
     *                       key; null when there is none
     */
    public static WebhookSettings read(Function<String, String> values, EncryptionKeys encryptionKeys) {
        WebhookOptions o = new WebhookOptions(values);
        int concurrency = o.integer(CONCURRENCY);
        String maxInFlight = values.apply(MAX_IN_FLIGHT_PER_REALM.name());
        return new WebhookSettings(
                encryptionKeys,
                AddressPolicy.parse(o.text(ALLOWED_NETWORKS)),
                new RetrySchedule(
                        Durations.parseList(o.text(RETRY_SCHEDULE)),
                        Double.parseDouble(o.text(RETRY_JITTER)),
                        o.integer(MAX_ATTEMPTS)),
                o.duration(SWEEP_INTERVAL),
                o.duration(CONNECT_TIMEOUT),
                o.duration(REQUEST_TIMEOUT),
                concurrency,
                o.integer(BATCH_SIZE),
                o.duration(CLAIM_TIMEOUT),
                o.duration(SECRET_GRACE_PERIOD),
                o.duration(KEEP_COMPLETED),
                o.duration(KEEP_DISCARDED),
                new RecoverBounds(o.duration(RECOVER_MAX_WINDOW), o.integer(RECOVER_MAX_COUNT)),
                o.duration(PURGE_INTERVAL),
                o.integer(MAX_REPRESENTATION),
                o.integer(MAX_WEBHOOKS_PER_REALM),
                // Three quarters of the senders by default: one busy realm keeps most of the throughput, and a realm
                // whose receivers hang still leaves a quarter to every other realm.
                maxInFlight == null ? Math.max(1, concurrency * 3 / 4) : parseInt(MAX_IN_FLIGHT_PER_REALM, maxInFlight),
                ClaimMode.parse(o.text(CLAIM_STRATEGY)),
                o.positiveDuration(DISABLE_AFTER, Duration.ofSeconds(1)));
    }

    private String text(Option option) {
        String value = values.apply(option.name());
        return value == null ? option.defaultValue() : value;
    }

    private Duration duration(Option option) {
        return Durations.parse(text(option));
    }

    /** A duration of at least {@code min}, or a startup error naming the option. */
    private Duration positiveDuration(Option option, Duration min) {
        String text = text(option);
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    option.name() + " must be a duration such as 5d, 12h or 20s, not '" + text + "'", e);
        }
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    option.name() + " must be at least " + min.toSeconds() + "s, not '" + text + "'");
        }
        return d;
    }

    private int integer(Option option) {
        return parseInt(option, text(option));
    }

    private static int parseInt(Option option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option.name() + " must be a whole number, not '" + value + "'", e);
        }
    }
}
