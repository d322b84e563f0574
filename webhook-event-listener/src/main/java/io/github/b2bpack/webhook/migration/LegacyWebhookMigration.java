package io.github.b2bpack.webhook.migration;

import io.github.b2bpack.webhook.jpa.Jpa;
import io.github.b2bpack.webhook.jpa.WebhookEntity;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.EventCodePatterns;
import io.github.b2bpack.webhook.subscription.WebhookConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Moves the webhooks of earlier versions (rows of {@code B2BPACK_WEBHOOK}) into realm components, once, at startup:
 * every row is read with a write lock in one transaction, turned into a component with the same id (the id is the
 * associated data of the key's encryption, so the stored ciphertext stays valid and every receiver keeps its key),
 * and deleted. A second node starting at the same time waits for the lock, then finds no row. The table stays (empty)
 * until a later release drops it.
 */
public final class LegacyWebhookMigration {

    /**
     * Session attribute the component check reads: these rows were checked when they were written, so the target URL
     * is not resolved again (a receiver's DNS may be down at startup) and the per-realm cap is not applied.
     */
    public static final String TRUSTED = "b2bpack.webhooks.trusted-write";

    private final KeycloakSession session;
    private final EntityManager em;

    public LegacyWebhookMigration(KeycloakSession session) {
        this.session = session;
        this.em = Jpa.entityManager(session);
    }

    /** @return how many rows became components */
    public int run() {
        List<WebhookEntity> rows = em.createQuery(
                        "select w from WebhookEntity w order by w.realmId, w.createdAt, w.id", WebhookEntity.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        int migrated = 0;
        session.setAttribute(TRUSTED, Boolean.TRUE);
        try {
            for (WebhookEntity row : rows) {
                RealmModel realm = session.realms().getRealm(row.getRealmId());
                if (realm != null && realm.getComponent(row.getId()) == null) {
                    realm.importComponentModel(component(row));
                    migrated++;
                }
                em.remove(row);
            }
            em.flush();
        } finally {
            session.removeAttribute(TRUSTED);
        }
        return migrated;
    }

    private static void putIfSet(ComponentModel c, String key, String value) {
        if (value != null && !value.isEmpty()) {
            c.put(key, value);
        }
    }

    private static ComponentModel component(WebhookEntity row) {
        ComponentModel c = new ComponentModel();
        c.setId(row.getId());
        c.setParentId(row.getRealmId());
        c.setProviderType(WebhookConfig.PROVIDER_TYPE);
        c.setProviderId(WebhookConfig.PROVIDER_ID);
        WebhookConfig.put(
                c,
                row.getName(),
                row.getTargetUrl(),
                EventCodePatterns.split(row.getEventCodes()),
                row.isActive(),
                row.getPublicKey() == null ? SigningKey.V1 : SigningKey.V1A);
        if (row.getPayloadFormat() != null) {
            c.put(WebhookConfig.PAYLOAD_FORMAT, row.getPayloadFormat());
        }
        // Filters were stored as JSON arrays of strings, the form the configuration keeps them in.
        putIfSet(c, WebhookConfig.CLIENT_IDS, row.getClientIds());
        putIfSet(c, WebhookConfig.EXCLUDED_CLIENT_IDS, row.getExcludedClientIds());
        putIfSet(c, WebhookConfig.ENVIRONMENTS, row.getEnvironments());
        if (row.getRateLimitPerSecond() != null) {
            c.put(WebhookConfig.RATE_LIMIT_PER_SECOND, row.getRateLimitPerSecond());
        }
        c.put(WebhookConfig.SIGNING_KEY, row.getSecret());
        if (row.getPublicKey() != null) {
            c.put(WebhookConfig.PUBLIC_KEY, row.getPublicKey());
        }
        if (row.getPreviousSecret() != null && row.getPreviousSecretUntil() != null) {
            c.put(WebhookConfig.PREVIOUS_SIGNING_KEY, row.getPreviousSecret());
            c.put(WebhookConfig.PREVIOUS_KEY_UNTIL, row.getPreviousSecretUntil());
        }
        if (row.getDeactivatedReason() != null) {
            c.put(WebhookConfig.DEACTIVATED_REASON, row.getDeactivatedReason());
        }
        c.put(WebhookConfig.CREATED_AT, row.getCreatedAt());
        c.put(WebhookConfig.UPDATED_AT, row.getUpdatedAt());
        return c;
    }
}
