package io.github.b2bpack.webhook.component;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.api.TargetUrls;
import io.github.b2bpack.webhook.delivery.HostResolver;
import io.github.b2bpack.webhook.delivery.SsrfGuard;
import io.github.b2bpack.webhook.filter.RateSlots;
import io.github.b2bpack.webhook.filter.SourceFilter;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.healing.HealthStore;
import io.github.b2bpack.webhook.migration.LegacyWebhookMigration;
import io.github.b2bpack.webhook.signing.Ed25519SigningKey;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.DeliveryRules;
import io.github.b2bpack.webhook.subscription.EventCodePatterns;
import io.github.b2bpack.webhook.subscription.SecretCipher;
import io.github.b2bpack.webhook.subscription.StoredKeys;
import io.github.b2bpack.webhook.subscription.WebhookConfig;
import io.github.b2bpack.webhook.subscription.WebhookLimitExceededException;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Checks and normalises a webhook component before Keycloak stores it. Keycloak calls the factory's
 * {@code validateConfiguration} before writing on every path (the REST API's store, the console's component
 * endpoints, {@code kc.sh import}, realm import at start, the migration) and stores the model as this leaves it, so
 * this is the one place where a key in clear is encrypted, a missing key generated, a rotation done, the timestamps
 * set and the realm's webhook version bumped. It never calls back into the realm's component writes (no recursion).
 */
final class WebhookComponentCheck {

    /** Session attribute set while the migration of legacy rows runs: rows already checked when they were written. */
    static final String TRUSTED = LegacyWebhookMigration.TRUSTED;

    private static final String MASK = "**********";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final WebhookRuntime runtime;

    WebhookComponentCheck(KeycloakSession session, RealmModel realm, WebhookRuntime runtime) {
        this.session = session;
        this.realm = realm;
        this.runtime = runtime;
    }

    void normalise(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        // The console's form adds its route parameters (realm, providerId, id) to the config it sends.
        config.keySet().removeIf(key -> !WebhookConfig.KEYS.contains(key));
        boolean trusted = session.getAttribute(TRUSTED) != null;
        long now = System.currentTimeMillis();
        if (model.getId() == null) {
            // The id is the AAD of the key's encryption, so it must be known before the key is encrypted.
            model.setId(UUID.randomUUID().toString());
        }
        if (model.getParentId() != null && !model.getParentId().equals(realm.getId())) {
            throw fail("a webhook belongs to the realm itself: its parentId must be the realm id");
        }
        model.setParentId(realm.getId());
        ComponentModel old = realm.getComponent(model.getId());
        if (old != null && !WebhookConfig.isWebhook(old)) {
            // Keycloak's component update takes the type from the body: turning a key provider (or any other
            // component) into a webhook would skip the per-realm cap, which only a new component is counted against.
            throw fail("only a webhook can be changed into a webhook: create a new one");
        }

        String name = trim(WebhookConfig.first(config, WebhookConfig.NAME));
        name = name != null ? name : trim(model.getName());
        if (name == null || name.length() > 255) {
            throw fail("name must be a non-empty string of at most 255 characters");
        }
        String url = trim(WebhookConfig.first(config, WebhookConfig.TARGET_URL));
        if (url == null) {
            throw fail("target_url is required");
        }
        boolean urlChanged = old == null || !url.equals(old.get(WebhookConfig.TARGET_URL));
        if (urlChanged && !trusted) {
            String problem =
                    TargetUrls.problem(url, new SsrfGuard(runtime.settings().addressPolicy(), HostResolver.SYSTEM));
            if (problem != null) {
                throw fail(problem);
            }
        }
        List<String> codes = WebhookConfig.eventCodes(config);
        String codesProblem = EventCodePatterns.validate(codes);
        if (codesProblem != null) {
            throw fail(codesProblem);
        }
        String activeValue = trim(WebhookConfig.first(config, WebhookConfig.ACTIVE));
        boolean active = activeValue == null || !"false".equalsIgnoreCase(activeValue);
        String scheme = scheme(config, old);
        String format = trim(WebhookConfig.first(config, WebhookConfig.PAYLOAD_FORMAT));
        if (format == null && old != null) {
            format = old.get(WebhookConfig.PAYLOAD_FORMAT);
        }
        if (format != null && PayloadFormat.of(format) == null) {
            throw fail("payload_format must be standard or cloudevents");
        }
        model.put(WebhookConfig.PAYLOAD_FORMAT, format == null ? PayloadFormat.STANDARD.code() : format);
        DeliveryRules rules = rules(config, old, trusted);
        WebhookConfig.putRules(model, rules);
        if (old == null && !trusted) {
            try {
                new WebhookStore(session, runtime.cipher())
                        .requireRoom(realm.getId(), runtime.settings().maxWebhooksPerRealm());
            } catch (WebhookLimitExceededException e) {
                throw fail("this realm already has " + e.limit() + " webhooks, the most allowed "
                        + "(spi-events-listener--webhooks--max-webhooks-per-realm); delete one first");
            }
        }
        keys(model, old, scheme, now, trusted);
        if (active && old != null && "false".equals(old.get(WebhookConfig.ACTIVE))) {
            // Re-enabled (after an auto-disable, the REST API's PUT also answers what to recover; after a manual
            // switch-off while failing, the failing period must not stay stuck as already disabled): the endpoint's
            // failing period ends here, the next failure starts a new one.
            new HealthStore(session).reset(model.getId());
        }
        WebhookConfig.put(model, name, url, codes, active, scheme);
        config.remove(WebhookConfig.ROTATE_KEY);
        if (active) {
            config.remove(WebhookConfig.DEACTIVATED_REASON);
        }
        Long created = old != null ? WebhookConfig.number(old.getConfig(), WebhookConfig.CREATED_AT, null) : null;
        created = created != null ? created : WebhookConfig.number(config, WebhookConfig.CREATED_AT, null);
        model.put(WebhookConfig.CREATED_AT, created != null ? created : now);
        // The REST store's own time when it set one; a console save or an import without one: now.
        Long given = WebhookConfig.number(config, WebhookConfig.UPDATED_AT, null);
        Long before = old != null ? WebhookConfig.number(old.getConfig(), WebhookConfig.UPDATED_AT, null) : null;
        model.put(WebhookConfig.UPDATED_AT, given != null && !given.equals(before) ? given : now);
        new WebhookStore(session, runtime.cipher()).prepareRate(model.getId(), rules.rateLimitPerSecond(), now);
        ActiveWebhooks.changed(realm);
    }

    /**
     * The filters and rate limit, checked as the REST API checks them: lists of at most 100 entries, clients of this
     * realm (by client id), environments production/sandbox, a rate limit from 1 to 1000 per second.
     */
    private DeliveryRules rules(MultivaluedHashMap<String, String> config, ComponentModel old, boolean trusted) {
        SourceFilter filter;
        try {
            filter = new SourceFilter(
                    WebhookConfig.list(config, WebhookConfig.CLIENT_IDS),
                    WebhookConfig.list(config, WebhookConfig.EXCLUDED_CLIENT_IDS),
                    WebhookConfig.list(config, WebhookConfig.ENVIRONMENTS));
        } catch (IllegalStateException e) {
            throw fail("client_ids, excluded_client_ids and environments must be lists of strings");
        }
        String problem = filter.problem();
        if (problem != null) {
            throw fail(problem);
        }
        List<String> unknown = new ArrayList<>();
        // Only clients named by this write: a client deleted since the filter was saved simply matches nothing, and
        // must not block other changes (a deactivation after 410 Gone, an auto-disable).
        List<String> before = new ArrayList<>();
        if (old != null) {
            before.addAll(WebhookConfig.list(old.getConfig(), WebhookConfig.CLIENT_IDS));
            before.addAll(WebhookConfig.list(old.getConfig(), WebhookConfig.EXCLUDED_CLIENT_IDS));
        }
        for (List<String> ids : List.of(filter.clientIds(), filter.excludedClientIds())) {
            for (String clientId : ids) {
                if (!trusted && !before.contains(clientId) && realm.getClientByClientId(clientId) == null) {
                    unknown.add(clientId);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw fail("unknown client " + SourceFilter.quoted(unknown)
                    + " in client_ids or excluded_client_ids: name clients of this realm by their client id");
        }
        String rate = trim(WebhookConfig.first(config, WebhookConfig.RATE_LIMIT_PER_SECOND));
        if (rate == null) {
            return new DeliveryRules(filter, null);
        }
        try {
            int perSecond = Integer.parseInt(rate);
            if (perSecond >= RateSlots.MIN_PER_SECOND && perSecond <= RateSlots.MAX_PER_SECOND) {
                return new DeliveryRules(filter, perSecond);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw fail("rate_limit_per_second must be an integer from " + RateSlots.MIN_PER_SECOND + " to "
                + RateSlots.MAX_PER_SECOND + " (deliveries per second), or empty for no limit");
    }

    /** The scheme asked for; when absent, the current one, else the one the given key is of, else v1a. */
    private static String scheme(MultivaluedHashMap<String, String> config, ComponentModel old) {
        String scheme = trim(WebhookConfig.first(config, WebhookConfig.SIGNATURE_SCHEME));
        if (scheme == null && old != null) {
            scheme = WebhookConfig.toWebhook(old).signatureScheme();
        }
        if (scheme == null) {
            String key = WebhookConfig.first(config, WebhookConfig.SIGNING_KEY);
            scheme = key != null && key.startsWith("whsec_") ? SigningKey.V1 : SigningKey.V1A;
        }
        if (!SigningKey.V1.equals(scheme) && !SigningKey.V1A.equals(scheme)) {
            throw fail("signature_scheme must be v1 (HMAC-SHA256) or v1a (Ed25519)");
        }
        return scheme;
    }

    /**
     * The key: kept (re-encrypted under the current encryption key), replaced by one given (encrypted if in clear,
     * checked if ciphertext or a vault reference), or generated (new webhook without one, rotate switch, scheme
     * switch). A replaced key keeps signing beside the new one for the grace period.
     */
    private void keys(ComponentModel model, ComponentModel old, String scheme, long now, boolean trusted) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        String id = model.getId();
        String given = trim(WebhookConfig.first(config, WebhookConfig.SIGNING_KEY));
        String oldKey = old == null ? null : old.get(WebhookConfig.SIGNING_KEY);
        String oldScheme = old == null ? null : WebhookConfig.toWebhook(old).signatureScheme();
        boolean rotate = "true".equalsIgnoreCase(trim(WebhookConfig.first(config, WebhookConfig.ROTATE_KEY)));
        boolean provided = given != null && !MASK.equals(given) && !given.equals(oldKey);
        if (!provided && oldKey != null && !rotate && scheme.equals(oldScheme)) {
            model.put(WebhookConfig.SIGNING_KEY, reencrypt(oldKey, id));
            putPublicKey(config, scheme, old.get(WebhookConfig.PUBLIC_KEY));
        } else if (!provided) {
            requireCipher();
            if (SigningKey.V1A.equals(scheme)) {
                Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
                model.put(WebhookConfig.SIGNING_KEY, runtime.cipher().encrypt(pair.privateSecret(), id));
                putPublicKey(config, scheme, pair.publicKey());
            } else {
                model.put(WebhookConfig.SIGNING_KEY, runtime.cipher().encrypt(SigningSecret.generate(), id));
                putPublicKey(config, scheme, null);
            }
        } else {
            String clear = clear(given, id, scheme);
            if (SigningKey.V1A.equals(scheme)) {
                String publicKey = trim(WebhookConfig.first(config, WebhookConfig.PUBLIC_KEY));
                if (publicKey == null || !Ed25519SigningKey.isPair(clear, publicKey)) {
                    throw fail("a v1a signing_key given from outside needs its public_key (whpk_…) beside it, of the"
                            + " same key pair");
                }
            }
            model.put(
                    WebhookConfig.SIGNING_KEY,
                    StoredKeys.isVaultReference(given)
                            ? given
                            : StoredKeys.isCiphertext(given)
                                    ? reencrypt(given, id)
                                    : requireCipher().encrypt(given, id));
            if (SigningKey.V1.equals(scheme)) {
                putPublicKey(config, scheme, null);
            }
        }
        boolean replaced = oldKey != null && (provided || rotate || !scheme.equals(oldScheme));
        if (replaced && !oldKey.equals(WebhookConfig.first(config, WebhookConfig.PREVIOUS_SIGNING_KEY))) {
            previous(model, oldKey, now);
        }
        String previousKey = WebhookConfig.first(config, WebhookConfig.PREVIOUS_SIGNING_KEY);
        if (previousKey != null && !trusted && !replaced && !ownFormerKey(previousKey, old)) {
            // The previous key is the server's to set (a rotation): one written from outside (the console's component
            // endpoints, an import) could name a vault entry or a foreign key that then signs beside the real one.
            config.remove(WebhookConfig.PREVIOUS_SIGNING_KEY);
            config.remove(WebhookConfig.PREVIOUS_KEY_UNTIL);
            previousKey = null;
        } else if (previousKey != null
                && !trusted
                && !replaced
                && previousKey.equals(old.get(WebhookConfig.PREVIOUS_SIGNING_KEY))) {
            // Its grace period is the one the rotation set, not one extended from outside.
            String until = old.get(WebhookConfig.PREVIOUS_KEY_UNTIL);
            if (until == null) {
                config.remove(WebhookConfig.PREVIOUS_KEY_UNTIL);
            } else {
                config.putSingle(WebhookConfig.PREVIOUS_KEY_UNTIL, until);
            }
        }
        if (previousKey != null) {
            if (StoredKeys.isCiphertext(previousKey)) {
                model.put(WebhookConfig.PREVIOUS_SIGNING_KEY, reencrypt(previousKey, id));
            } else if (!StoredKeys.isVaultReference(previousKey)) {
                config.remove(WebhookConfig.PREVIOUS_SIGNING_KEY); // never keep a key in clear
                config.remove(WebhookConfig.PREVIOUS_KEY_UNTIL);
            }
        }
    }

    /** Whether {@code key} is this webhook's own current or previous key (the REST store's rotation writes those). */
    private static boolean ownFormerKey(String key, ComponentModel old) {
        return old != null
                && (key.equals(old.get(WebhookConfig.SIGNING_KEY))
                        || key.equals(old.get(WebhookConfig.PREVIOUS_SIGNING_KEY)));
    }

    private void previous(ComponentModel model, String oldKey, long now) {
        model.put(WebhookConfig.PREVIOUS_SIGNING_KEY, oldKey);
        model.put(
                WebhookConfig.PREVIOUS_KEY_UNTIL,
                now + runtime.settings().secretGracePeriod().toMillis());
    }

    /** The given key in clear, checked: it must be of {@code scheme} and readable on this server. */
    private String clear(String given, String id, String scheme) {
        String clear;
        if (StoredKeys.isVaultReference(given) || StoredKeys.isCiphertext(given)) {
            try {
                clear = StoredKeys.reveal(session, runtime.cipher(), given, id);
            } catch (IllegalStateException e) {
                throw fail(
                        StoredKeys.isVaultReference(given)
                                ? "the vault has no entry for the signing_key reference"
                                : "the signing_key does not decrypt with this server's webhook encryption keys: import on a"
                                        + " server with the same encryption key, or give the key as a vault reference");
            }
        } else {
            clear = given;
        }
        if (!StoredKeys.isClearKey(clear, scheme)) {
            throw fail("signing_key must be a " + (SigningKey.V1.equals(scheme) ? "whsec_… (v1)" : "whsk_… (v1a)")
                    + " key, a vault reference, or left empty to generate one");
        }
        return clear;
    }

    private static void putPublicKey(MultivaluedHashMap<String, String> config, String scheme, String publicKey) {
        if (SigningKey.V1A.equals(scheme) && publicKey != null) {
            config.putSingle(WebhookConfig.PUBLIC_KEY, publicKey);
        } else {
            config.remove(WebhookConfig.PUBLIC_KEY);
        }
    }

    private String reencrypt(String stored, String id) {
        if (!StoredKeys.isCiphertext(stored)) {
            return stored;
        }
        try {
            requireCipher().decrypt(stored, id);
            return runtime.cipher().reencrypt(stored, id);
        } catch (IllegalStateException e) {
            throw fail("a signing key of this webhook does not decrypt with this server's webhook encryption keys");
        }
    }

    private SecretCipher requireCipher() {
        if (runtime.cipher() == null) {
            throw fail(
                    "the server has no webhook encryption key configured (spi-events-listener--webhooks--encryption-key)");
        }
        return runtime.cipher();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ComponentValidationException fail(String message) {
        return new ComponentValidationException(message);
    }
}
