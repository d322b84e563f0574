package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.signing.Ed25519SigningKey;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.ComponentEntity;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Webhooks of a realm, stored as realm components ({@link WebhookConfig}): reads come from Keycloak's realm cache,
 * writes go through the realm (so the component factory checks them and every node's realm cache is invalidated).
 * Runs in the session's transaction; holds no state. Signature keys go in and come out through the
 * {@link SecretCipher}; they are never returned by reads except {@link #signingKeys}, which fills the
 * {@link SigningKeyCache}.
 */
public final class WebhookStore {

    /** Length of Keycloak's COMPONENT.ID column (a UUID). */
    private static final int ID_LENGTH = 36;

    private final KeycloakSession session;
    private final EntityManager em;
    private final SecretCipher cipher;

    /** @param cipher null when no encryption key is configured: reads work, writes of keys fail closed */
    public WebhookStore(KeycloakSession session, SecretCipher cipher) {
        this.session = session;
        this.em = Jpa.entityManager(session);
        this.cipher = cipher;
    }

    /**
     * Creates the webhook and returns its new signature key: for v1 the HMAC secret (shown once), for v1a
     * the Ed25519 public key (the private key stays encrypted in the database).
     */
    public Created create(
            String realmId,
            String name,
            String targetUrl,
            List<String> eventCodes,
            boolean active,
            String scheme,
            PayloadFormat format,
            DeliveryRules rules,
            long now,
            int maxPerRealm) {
        requireCipher();
        RealmModel realm = session.realms().getRealm(realmId);
        requireRoom(realmId, maxPerRealm);
        ComponentModel c = new ComponentModel();
        c.setId(UUID.randomUUID().toString());
        c.setParentId(realmId);
        c.setProviderType(WebhookConfig.PROVIDER_TYPE);
        c.setProviderId(WebhookConfig.PROVIDER_ID);
        String effective = scheme == null ? SigningKey.V1 : scheme;
        WebhookConfig.put(c, name, targetUrl, eventCodes, active, effective);
        c.put(WebhookConfig.PAYLOAD_FORMAT, format.code());
        WebhookConfig.putRules(c, rules);
        String shown = newKey(c, effective);
        c.put(WebhookConfig.CREATED_AT, now);
        c.put(WebhookConfig.UPDATED_AT, now);
        realm.addComponentModel(c);
        return new Created(WebhookConfig.toWebhook(c), shown);
    }

    /**
     * Throws {@link WebhookLimitExceededException} when the realm has {@code maxPerRealm} webhooks. Serialized per
     * realm on every database: a pessimistic write lock on the realm's row in Keycloak's {@code REALM} table (only
     * locked, never written here), held until the transaction ends, then a locking read of the realm's webhook
     * components, so that on a database whose plain reads see an older snapshot (MySQL/MariaDB repeatable read) the
     * count still includes every webhook committed before the lock was granted. Counting and inserting under it cannot
     * race, across threads and across cluster nodes.
     */
    public void requireRoom(String realmId, int maxPerRealm) {
        requireRoom(realmId, maxPerRealm, 1);
    }

    /** As {@link #requireRoom(String, int)} for {@code adding} webhooks at once (an import, a copy): all or none. */
    public void requireRoom(String realmId, int maxPerRealm, int adding) {
        List<?> locked = em.createQuery("select r from RealmEntity r where r.id = :id")
                .setParameter("id", realmId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("realm row not found");
        }
        int existing = em.createQuery("select c from ComponentEntity c where c.realm.id = :realm"
                        + " and c.providerType = :type and c.providerId = :provider")
                .setParameter("realm", realmId)
                .setParameter("type", WebhookConfig.PROVIDER_TYPE)
                .setParameter("provider", WebhookConfig.PROVIDER_ID)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size(); // no row limit: some databases refuse FOR UPDATE with one; the cap bounds it
        if (existing + adding > maxPerRealm) {
            throw new WebhookLimitExceededException(maxPerRealm);
        }
    }

    /** Puts a new key of {@code scheme} in SIGNING_KEY (encrypted) and PUBLIC_KEY; returns what the API may show once. */
    private String newKey(ComponentModel c, String scheme) {
        if (SigningKey.V1A.equals(scheme)) {
            Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
            c.put(WebhookConfig.SIGNING_KEY, cipher.encrypt(pair.privateSecret(), c.getId()));
            c.put(WebhookConfig.PUBLIC_KEY, pair.publicKey());
            return pair.publicKey();
        }
        String secret = SigningSecret.generate();
        c.put(WebhookConfig.SIGNING_KEY, cipher.encrypt(secret, c.getId()));
        c.getConfig().remove(WebhookConfig.PUBLIC_KEY);
        return secret;
    }

    public Webhook find(String realmId, String id) {
        ComponentModel c = component(realmId, id);
        return c == null ? null : WebhookConfig.toWebhook(c);
    }

    public List<Webhook> list(String realmId, int first, int max) {
        return all(realmId).skip(first).limit(max).toList();
    }

    public long count(String realmId) {
        return all(realmId).count();
    }

    /** The active webhooks of a realm: what the event listener matches each event against. */
    public List<Webhook> active(String realmId) {
        return all(realmId).filter(Webhook::active).toList();
    }

    /** A realm's webhooks, oldest first: from the realm cache. */
    private Stream<Webhook> all(String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return Stream.empty();
        }
        return realm.getComponentsStream(realmId, WebhookConfig.PROVIDER_TYPE)
                .filter(WebhookConfig::isWebhook)
                .map(WebhookConfig::toWebhook)
                .sorted(Comparator.comparingLong(Webhook::createdAt).thenComparing(Webhook::id));
    }

    public Webhook update(
            String realmId,
            String id,
            String name,
            String targetUrl,
            List<String> eventCodes,
            boolean active,
            PayloadFormat format,
            DeliveryRules rules,
            long now) {
        ComponentModel c = component(realmId, id);
        if (c == null) {
            return null;
        }
        c = new ComponentModel(c);
        String scheme = WebhookConfig.toWebhook(c).signatureScheme();
        WebhookConfig.put(c, name, targetUrl, eventCodes, active, scheme);
        if (format != null) {
            c.put(WebhookConfig.PAYLOAD_FORMAT, format.code());
        }
        WebhookConfig.putRules(c, rules);
        if (active) {
            c.getConfig().remove(WebhookConfig.DEACTIVATED_REASON);
        }
        c.put(WebhookConfig.UPDATED_AT, now);
        // The component factory re-encrypts the keys under the current encryption key (every write does).
        session.realms().getRealm(realmId).updateComponent(c);
        return WebhookConfig.toWebhook(c);
    }

    public boolean delete(String realmId, String id) {
        ComponentModel c = component(realmId, id);
        if (c == null) {
            return false;
        }
        // The component factory's preRemove cancels its pending deliveries.
        session.realms().getRealm(realmId).removeComponent(c);
        return true;
    }

    /**
     * A new key of {@code scheme} (null: the current scheme); the current key keeps signing beside it until
     * {@code previousUntil}, so a v1 → v1a switch sends both signatures during the grace period. Null when not found.
     */
    public Created rotate(String realmId, String id, String scheme, long now, long previousUntil) {
        ComponentModel c = component(realmId, id);
        if (c == null) {
            return null;
        }
        requireCipher();
        c = new ComponentModel(c);
        String effective = scheme != null ? scheme : WebhookConfig.toWebhook(c).signatureScheme();
        c.put(WebhookConfig.PREVIOUS_SIGNING_KEY, c.get(WebhookConfig.SIGNING_KEY));
        c.put(WebhookConfig.PREVIOUS_KEY_UNTIL, previousUntil);
        c.put(WebhookConfig.SIGNATURE_SCHEME, effective);
        String shown = newKey(c, effective);
        c.put(WebhookConfig.UPDATED_AT, now);
        session.realms().getRealm(realmId).updateComponent(c);
        return new Created(WebhookConfig.toWebhook(c), shown);
    }

    /**
     * The keys that sign a delivery now: the current key, then the previous one while in grace; null when the
     * webhook is not found. Throws when they cannot be decrypted (no or wrong encryption key, no vault entry).
     */
    public SigningKeyCache.KeySet signingKeys(String realmId, String id, long now) {
        ComponentModel c = component(realmId, id);
        if (c == null) {
            return null;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        List<SigningKey> keys = new ArrayList<>(2);
        keys.add(SigningKey.of(reveal(realm, c.get(WebhookConfig.SIGNING_KEY), id)));
        Long until = WebhookConfig.toWebhook(c).previousKeyUntil();
        if (until != null && until > now) {
            keys.add(SigningKey.of(reveal(realm, c.get(WebhookConfig.PREVIOUS_SIGNING_KEY), id)));
        }
        return new SigningKeyCache.KeySet(keys, until);
    }

    /**
     * A stored key in clear. Keycloak's vault names entries after the realm of the session that first used it (the
     * session keeps that vault), and the outbox's sessions have none (or, in a claim pass over several realms,
     * another one): a vault reference is looked up in a session of its own whose realm is the webhook's, so it
     * neither fails on a missing realm nor reads another realm's entry. Only a signing-key cache miss comes here.
     */
    private String reveal(RealmModel realm, String stored, String id) {
        if (!StoredKeys.isVaultReference(stored)) {
            return StoredKeys.reveal(session, cipher, stored, id);
        }
        String realmId = realm.getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
            own.getContext().setRealm(own.realms().getRealm(realmId));
            return StoredKeys.reveal(own, cipher, stored, id);
        });
    }

    /** The webhook with this id in whichever realm holds it; null when there is none. */
    public Webhook findById(String id) {
        String realmId = realmOf(id);
        return realmId == null ? null : find(realmId, id);
    }

    /**
     * After a 410 Gone (and auto-disable): the receiver asked to stop; an operator re-activates with PUT.
     *
     * @return the webhook's realm id when this call deactivated it, else null
     */
    public String deactivate(String id, String reason, long now) {
        if (id == null || id.length() > ID_LENGTH) {
            return null;
        }
        // The component's row locked and read from the database, not the realm cache: of two nodes deactivating at
        // once, the second waits, then sees it inactive, so exactly one is told it did.
        ComponentEntity row = em.find(ComponentEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !WebhookConfig.PROVIDER_ID.equals(row.getProviderId())) {
            return null;
        }
        ComponentModel c = new ComponentModel();
        c.setId(row.getId());
        c.setName(row.getName());
        c.setProviderType(row.getProviderType());
        c.setProviderId(row.getProviderId());
        c.setParentId(row.getParentId());
        c.setSubType(row.getSubType());
        row.getComponentConfigs().forEach(v -> c.getConfig().add(v.getName(), v.getValue()));
        if ("false".equals(c.get(WebhookConfig.ACTIVE))) {
            return null;
        }
        c.put(WebhookConfig.ACTIVE, false);
        c.put(WebhookConfig.DEACTIVATED_REASON, reason);
        c.put(WebhookConfig.UPDATED_AT, now);
        String realmId = row.getRealm().getId();
        session.realms().getRealm(realmId).updateComponent(c);
        return realmId;
    }

    /**
     * With every write of a webhook (the component check) and its removal: a rate-limited webhook gets its slot row
     * in {@code B2BPACK_WEBHOOK_RATE} ({@link RateLimiter}), an unlimited or deleted one loses it.
     */
    public void prepareRate(String id, Integer perSecond, long now) {
        RateLimiter.prepare(em, id, perSecond, now);
    }

    /**
     * After a realm is removed (its components went with it): the slot rows of webhooks that no longer exist, and
     * rows of {@code B2BPACK_WEBHOOK} (earlier versions) the migration has not moved yet.
     */
    public int deleteRealm(String realmId) {
        em.createQuery("delete from WebhookRateEntity r where r.webhookId not in (select c.id from ComponentEntity c)")
                .executeUpdate();
        return em.createQuery("delete from WebhookEntity w where w.realmId = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }

    /** The realm holding webhook {@code id}, by the component's primary key (one indexed read, no realm needed). */
    private String realmOf(String id) {
        if (id == null || id.length() > ID_LENGTH) {
            return null;
        }
        ComponentEntity row = em.find(ComponentEntity.class, id);
        return row == null || !WebhookConfig.PROVIDER_ID.equals(row.getProviderId())
                ? null
                : row.getRealm().getId();
    }

    /** The webhook component {@code id} of {@code realmId} (from the realm cache; never mutate it), or null. */
    private ComponentModel component(String realmId, String id) {
        if (id == null || id.length() > ID_LENGTH) {
            return null;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        ComponentModel c = realm == null ? null : realm.getComponent(id);
        return WebhookConfig.isWebhook(c) && realmId.equals(c.getParentId()) ? c : null;
    }

    private SecretCipher requireCipher() {
        if (cipher == null) {
            throw new MissingEncryptionKeyException();
        }
        return cipher;
    }

    /** A webhook with its new key as the API shows it once: the v1 secret in clear, or the v1a public key. */
    public record Created(Webhook webhook, String signatureKey) {

        @Override
        public String toString() {
            return "Created[" + webhook + ", signatureKey="
                    + (signatureKey == null || signatureKey.startsWith(Ed25519SigningKey.PUBLIC_PREFIX)
                            ? signatureKey
                            : SigningSecret.mask(signatureKey))
                    + "]";
        }
    }
}
