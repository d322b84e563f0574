package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.jpa.WebhookEntity;
import io.github.b2bpack.webhook.signing.Ed25519SigningKey;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keycloak.models.KeycloakSession;

/**
 * Webhooks in the database, for one realm at a time. Runs in the session's transaction; holds no state.
 * Signature keys go in and come out through the {@link SecretCipher}; they are never returned by
 * reads except {@link #signingKeys}, which fills the {@link SigningKeyCache}.
 */
public final class WebhookStore {

    /** Length of the ID column (a UUID). */
    private static final int ID_LENGTH = 36;

    private final EntityManager em;
    private final SecretCipher cipher;

    /** @param cipher null when no encryption key is configured: reads work, writes of keys fail closed */
    public WebhookStore(KeycloakSession session, SecretCipher cipher) {
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
        lockRealm(realmId);
        // A locking read, so that on a database whose plain reads see an older snapshot (MySQL/MariaDB repeatable
        // read) the count still includes every webhook committed before the realm lock was granted.
        int existing = em.createQuery("select w from WebhookEntity w where w.realmId = :realm", WebhookEntity.class)
                .setParameter("realm", realmId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size(); // no row limit: some databases refuse FOR UPDATE with one; the cap bounds it
        if (existing >= maxPerRealm) {
            throw new WebhookLimitExceededException(maxPerRealm);
        }
        WebhookEntity e = new WebhookEntity();
        e.setId(UUID.randomUUID().toString());
        e.setRealmId(realmId);
        e.setName(name);
        e.setTargetUrl(targetUrl);
        e.setEventCodes(EventCodePatterns.join(eventCodes));
        e.setActive(active);
        e.setPayloadFormat(format.code());
        setRules(e, rules);
        String shown = newKey(e, scheme);
        e.setCreatedAt(now);
        e.setUpdatedAt(now);
        em.persist(e);
        RateLimiter.prepare(em, e.getId(), rules.rateLimitPerSecond(), now);
        return new Created(view(e), shown);
    }

    /**
     * Serializes webhook creation per realm on every database: a pessimistic write lock on the realm's row in
     * Keycloak's {@code REALM} table (only locked, never written here), held until the transaction ends. Counting
     * and inserting under it cannot race, across threads and across cluster nodes, where a count-then-insert
     * without it lets N parallel creates all see room for one more.
     */
    private void lockRealm(String realmId) {
        List<?> locked = em.createQuery("select r from RealmEntity r where r.id = :id")
                .setParameter("id", realmId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("realm row not found");
        }
    }

    /** Puts a new key of {@code scheme} in SECRET (encrypted) and PUBLIC_KEY; returns what the API may show once. */
    private String newKey(WebhookEntity e, String scheme) {
        if (SigningKey.V1A.equals(scheme)) {
            Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
            e.setSecret(cipher.encrypt(pair.privateSecret(), e.getId()));
            e.setPublicKey(pair.publicKey());
            return pair.publicKey();
        }
        String secret = SigningSecret.generate();
        e.setSecret(cipher.encrypt(secret, e.getId()));
        e.setPublicKey(null);
        return secret;
    }

    public Webhook find(String realmId, String id) {
        WebhookEntity e = entity(realmId, id);
        return e == null ? null : view(e);
    }

    public List<Webhook> list(String realmId, int first, int max) {
        List<Webhook> list = new ArrayList<>();
        em.createQuery(
                        "select w from WebhookEntity w where w.realmId = :realm order by w.createdAt, w.id",
                        WebhookEntity.class)
                .setParameter("realm", realmId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultStream()
                .forEach(e -> list.add(view(e)));
        return list;
    }

    public long count(String realmId) {
        return em.createQuery("select count(w) from WebhookEntity w where w.realmId = :realm", Long.class)
                .setParameter("realm", realmId)
                .getSingleResult();
    }

    /** The active webhooks of a realm: what the event listener matches each event against. */
    public List<Webhook> active(String realmId) {
        List<Webhook> list = new ArrayList<>();
        em.createQuery(
                        "select w from WebhookEntity w where w.realmId = :realm and w.active = true",
                        WebhookEntity.class)
                .setParameter("realm", realmId)
                .getResultStream()
                .forEach(e -> list.add(view(e)));
        return list;
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
        WebhookEntity e = entity(realmId, id);
        if (e == null) {
            return null;
        }
        e.setName(name);
        e.setTargetUrl(targetUrl);
        e.setEventCodes(EventCodePatterns.join(eventCodes));
        e.setActive(active);
        if (format != null) {
            e.setPayloadFormat(format.code());
        }
        setRules(e, rules);
        RateLimiter.prepare(em, e.getId(), rules.rateLimitPerSecond(), now);
        if (active) {
            e.setDeactivatedReason(null);
        }
        reencrypt(e);
        e.setUpdatedAt(now);
        return view(e);
    }

    public boolean delete(String realmId, String id) {
        WebhookEntity e = entity(realmId, id);
        if (e == null) {
            return false;
        }
        em.remove(e);
        RateLimiter.prepare(em, id, null, 0);
        return true;
    }

    private static void setRules(WebhookEntity e, DeliveryRules rules) {
        e.setClientIds(StringLists.write(rules.filter().clientIds()));
        e.setExcludedClientIds(StringLists.write(rules.filter().excludedClientIds()));
        e.setEnvironments(StringLists.write(rules.filter().environments()));
        e.setRateLimitPerSecond(rules.rateLimitPerSecond());
    }

    /**
     * A new key of {@code scheme} (null: the current scheme); the current key keeps signing beside it until
     * {@code previousUntil}, so a v1 → v1a switch sends both signatures during the grace period. Null when not found.
     */
    public Created rotate(String realmId, String id, String scheme, long now, long previousUntil) {
        WebhookEntity e = entity(realmId, id);
        if (e == null) {
            return null;
        }
        requireCipher();
        e.setPreviousSecret(cipher.reencrypt(e.getSecret(), e.getId()));
        e.setPreviousSecretUntil(previousUntil);
        String shown = newKey(e, scheme != null ? scheme : (e.getPublicKey() == null ? SigningKey.V1 : SigningKey.V1A));
        e.setUpdatedAt(now);
        return new Created(view(e), shown);
    }

    /**
     * The keys that sign a delivery now: the current key, then the previous one while in grace; null when the
     * webhook is not found. Throws when they cannot be decrypted (no or wrong encryption key).
     */
    public SigningKeyCache.KeySet signingKeys(String id, long now) {
        WebhookEntity e = em.find(WebhookEntity.class, id);
        if (e == null) {
            return null;
        }
        List<SigningKey> keys = new ArrayList<>(2);
        keys.add(SigningKey.of(requireCipher().decrypt(e.getSecret(), e.getId())));
        if (e.getPreviousSecret() != null && e.getPreviousSecretUntil() != null && e.getPreviousSecretUntil() > now) {
            keys.add(SigningKey.of(cipher.decrypt(e.getPreviousSecret(), e.getId())));
        }
        return new SigningKeyCache.KeySet(keys, e.getPreviousSecretUntil());
    }

    public Webhook findById(String id) {
        WebhookEntity e = em.find(WebhookEntity.class, id);
        return e == null ? null : view(e);
    }

    /**
     * After a 410 Gone, or when its endpoint failed for {@code disable-after}: the webhook stops receiving; an operator
     * re-activates it with PUT. One guarded UPDATE ({@code where active = true}), so of two nodes deactivating at once
     * exactly one is told it did.
     *
     * @return the webhook's realm id when this call deactivated it, else null
     */
    public String deactivate(String id, String reason, long now) {
        int changed = em.createQuery("update WebhookEntity w set w.active = false, w.deactivatedReason = :reason,"
                        + " w.updatedAt = :now where w.id = :id and w.active = true")
                .setParameter("reason", reason)
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
        if (changed != 1) {
            return null;
        }
        List<String> realm = em.createQuery("select w.realmId from WebhookEntity w where w.id = :id", String.class)
                .setParameter("id", id)
                .getResultList();
        return realm.isEmpty() ? null : realm.get(0);
    }

    public int deleteRealm(String realmId) {
        em.createQuery("delete from WebhookRateEntity r where r.webhookId in"
                        + " (select w.id from WebhookEntity w where w.realmId = :realm)")
                .setParameter("realm", realmId)
                .executeUpdate();
        return em.createQuery("delete from WebhookEntity w where w.realmId = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }

    private WebhookEntity entity(String realmId, String id) {
        return Jpa.findInRealm(em, WebhookEntity.class, realmId, id, ID_LENGTH);
    }

    /**
     * Every write of a webhook moves its keys to the current encryption key, so after a key rotation the previous
     * key can leave {@code encryption-keys-previous} once every webhook was updated or rotated.
     */
    private void reencrypt(WebhookEntity e) {
        if (cipher != null) {
            e.setSecret(cipher.reencrypt(e.getSecret(), e.getId()));
            e.setPreviousSecret(cipher.reencrypt(e.getPreviousSecret(), e.getId()));
        }
    }

    private SecretCipher requireCipher() {
        if (cipher == null) {
            throw new MissingEncryptionKeyException();
        }
        return cipher;
    }

    private static Webhook view(WebhookEntity e) {
        return new Webhook(
                e.getId(),
                e.getRealmId(),
                e.getName(),
                e.getTargetUrl(),
                EventCodePatterns.split(e.getEventCodes()),
                e.isActive(),
                e.getDeactivatedReason(),
                e.getCreatedAt(),
                e.getUpdatedAt(),
                e.getPreviousSecretUntil(),
                e.getPublicKey(),
                e.getPayloadFormat(),
                StringLists.read(e.getClientIds()),
                StringLists.read(e.getExcludedClientIds()),
                StringLists.read(e.getEnvironments()),
                e.getRateLimitPerSecond());
    }

    /** A webhook with its new key as the API shows it once: the v1 secret in clear, or the v1a public key. */
    public record Created(Webhook webhook, String signatureKey) {

        @Override
        public String toString() {
            return "Created[" + webhook + ", signatureKey="
                    + (signatureKey.startsWith(Ed25519SigningKey.PUBLIC_PREFIX)
                            ? signatureKey
                            : SigningSecret.mask(signatureKey))
                    + "]";
        }
    }
}
