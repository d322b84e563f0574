package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.signing.SigningKey;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.services.ui.extend.UiPageProvider;

/**
 * A webhook's configuration as a realm component: provider type {@link UiPageProvider} (so the admin console lists it
 * as a page), provider id {@value #PROVIDER_ID}, parent the realm, component id = webhook id, component name = webhook
 * name. The keys the console shows are declared by the component factory; the others ({@link #PREVIOUS_SIGNING_KEY},
 * the timestamps, {@link #DEACTIVATED_REASON}) are kept by Keycloak but left out of the console and of partial exports.
 */
public final class WebhookConfig {

    public static final String PROVIDER_TYPE = UiPageProvider.class.getName();
    public static final String PROVIDER_ID = "b2bpack-webhooks";

    public static final String NAME = "name";
    public static final String TARGET_URL = "target_url";
    public static final String EVENT_CODES = "event_codes";
    public static final String ACTIVE = "active";
    public static final String SIGNATURE_SCHEME = "signature_scheme";
    /** {@code standard} or {@code cloudevents} ({@code PayloadFormat}); absent reads as standard. */
    public static final String PAYLOAD_FORMAT = "payload_format";
    /** Filters ({@code SourceFilter}): one value each, a JSON array of strings; absent for none. */
    public static final String CLIENT_IDS = "client_ids";

    public static final String EXCLUDED_CLIENT_IDS = "excluded_client_ids";
    public static final String ENVIRONMENTS = "environments";
    /** Deliveries per second at most; absent for unlimited. */
    public static final String RATE_LIMIT_PER_SECOND = "rate_limit_per_second";
    /** Secret: the current key, as {@link SecretCipher} ciphertext or a {@code ${vault.…}} reference. */
    public static final String SIGNING_KEY = "signing_key";
    /** The {@code whpk_} public key of a v1a webhook; not secret. */
    public static final String PUBLIC_KEY = "public_key";
    /** A console switch: a save with it on rotates the key; never stored. */
    public static final String ROTATE_KEY = "rotate_key";

    public static final String PREVIOUS_SIGNING_KEY = "previous_signing_key";
    public static final String PREVIOUS_KEY_UNTIL = "previous_key_until";
    public static final String DEACTIVATED_REASON = "deactivated_reason";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";

    /** Every key a webhook's configuration may hold; anything else is dropped when it is written. */
    public static final java.util.Set<String> KEYS = java.util.Set.of(
            NAME,
            TARGET_URL,
            EVENT_CODES,
            ACTIVE,
            SIGNATURE_SCHEME,
            PAYLOAD_FORMAT,
            CLIENT_IDS,
            EXCLUDED_CLIENT_IDS,
            ENVIRONMENTS,
            RATE_LIMIT_PER_SECOND,
            SIGNING_KEY,
            PUBLIC_KEY,
            ROTATE_KEY,
            PREVIOUS_SIGNING_KEY,
            PREVIOUS_KEY_UNTIL,
            DEACTIVATED_REASON,
            CREATED_AT,
            UPDATED_AT);

    private WebhookConfig() {}

    public static boolean isWebhook(ComponentModel c) {
        return c != null && PROVIDER_TYPE.equals(c.getProviderType()) && PROVIDER_ID.equals(c.getProviderId());
    }

    /** The webhook a component holds; {@code realmId} is its parent. */
    public static Webhook toWebhook(ComponentModel c) {
        MultivaluedHashMap<String, String> config = c.getConfig();
        String publicKey = first(config, PUBLIC_KEY);
        String scheme = first(config, SIGNATURE_SCHEME);
        return new Webhook(
                c.getId(),
                c.getParentId(),
                first(config, NAME) != null ? first(config, NAME) : c.getName(),
                first(config, TARGET_URL),
                eventCodes(config),
                !"false".equals(first(config, ACTIVE)),
                first(config, DEACTIVATED_REASON),
                number(config, CREATED_AT, 0L),
                number(config, UPDATED_AT, 0L),
                config.containsKey(PREVIOUS_SIGNING_KEY) ? number(config, PREVIOUS_KEY_UNTIL, null) : null,
                SigningKey.V1.equals(scheme) ? null : publicKey,
                first(config, PAYLOAD_FORMAT),
                list(config, CLIENT_IDS),
                list(config, EXCLUDED_CLIENT_IDS),
                list(config, ENVIRONMENTS),
                number(config, RATE_LIMIT_PER_SECOND, null) == null
                        ? null
                        : number(config, RATE_LIMIT_PER_SECOND, null).intValue());
    }

    /** The event codes: stored as one value joined by spaces; the console may send one value per line. */
    public static List<String> eventCodes(MultivaluedHashMap<String, String> config) {
        List<String> codes = new ArrayList<>();
        List<String> values = config.get(EVENT_CODES);
        if (values != null) {
            for (String v : values) {
                // A value may also hold several codes separated by blanks or commas (typed on one console line).
                for (String code : v.split("[\\s,]+")) {
                    if (!code.isEmpty() && !codes.contains(code)) {
                        codes.add(code);
                    }
                }
            }
        }
        return codes;
    }

    /** Writes the fields a create or update sets. */
    public static void put(
            ComponentModel c, String name, String targetUrl, List<String> eventCodes, boolean active, String scheme) {
        c.setName(name);
        c.getConfig().putSingle(NAME, name);
        c.getConfig().putSingle(TARGET_URL, targetUrl);
        // One value, in the order given: Keycloak keeps a component's values in an unordered set.
        c.getConfig().putSingle(EVENT_CODES, EventCodePatterns.join(eventCodes));
        c.getConfig().putSingle(ACTIVE, Boolean.toString(active));
        c.getConfig().putSingle(SIGNATURE_SCHEME, scheme);
    }

    /**
     * A list stored as one JSON array value; the console may send one value per line instead, or the JSON text in a
     * single line (what it shows), so both read the same.
     */
    public static List<String> list(MultivaluedHashMap<String, String> config, String key) {
        List<String> values = config.get(key);
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() == 1 && values.get(0).trim().startsWith("[")) {
            return StringLists.read(values.get(0).trim());
        }
        List<String> items = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank() && !items.contains(v.trim())) {
                items.add(v.trim());
            }
        }
        return items;
    }

    /** Writes {@code list} as one JSON array value, or removes the key for an empty list. */
    public static void putList(ComponentModel c, String key, List<String> list) {
        String json = StringLists.write(list);
        if (json == null) {
            c.getConfig().remove(key);
        } else {
            c.getConfig().putSingle(key, json);
        }
    }

    /** Writes a create's or an update's filters and rate limit. */
    public static void putRules(ComponentModel c, DeliveryRules rules) {
        putList(c, CLIENT_IDS, rules.filter().clientIds());
        putList(c, EXCLUDED_CLIENT_IDS, rules.filter().excludedClientIds());
        putList(c, ENVIRONMENTS, rules.filter().environments());
        if (rules.rateLimitPerSecond() == null) {
            c.getConfig().remove(RATE_LIMIT_PER_SECOND);
        } else {
            c.put(RATE_LIMIT_PER_SECOND, rules.rateLimitPerSecond());
        }
    }

    public static String first(MultivaluedHashMap<String, String> config, String key) {
        List<String> values = config.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public static Long number(MultivaluedHashMap<String, String> config, String key, Long otherwise) {
        String v = first(config, key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
