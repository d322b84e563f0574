package io.github.b2bpack.webhook.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The runtime health of one webhook's endpoint, apart from its configuration (which may live elsewhere): written
 * only by guarded bulk updates when the state changes, never read-then-written. A row is made on the endpoint's first
 * failure; it is deleted with its webhook and with its realm.
 */
@Entity
@Table(name = "B2BPACK_WEBHOOK_HEALTH")
public class WebhookHealthEntity implements RealmScoped {

    @Id
    @Column(name = "WEBHOOK_ID", length = 36)
    private String webhookId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** First failed attempt after the last 2xx (or creation); null while healthy. */
    @Column(name = "FAILING_SINCE")
    private Long failingSince;

    /** When {@code webhook.endpoint.failing} was sent for the current failing period. */
    @Column(name = "FAILING_NOTIFIED_AT")
    private Long failingNotifiedAt;

    /** When the current failing period disabled the webhook. */
    @Column(name = "DISABLED_AT")
    private Long disabledAt;

    /** The last 2xx known when the failing period started, or the 2xx that ended the last one. */
    @Column(name = "LAST_SUCCESS_AT")
    private Long lastSuccessAt;

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    @Override
    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public Long getFailingSince() {
        return failingSince;
    }

    public void setFailingSince(Long failingSince) {
        this.failingSince = failingSince;
    }

    public Long getFailingNotifiedAt() {
        return failingNotifiedAt;
    }

    public void setFailingNotifiedAt(Long failingNotifiedAt) {
        this.failingNotifiedAt = failingNotifiedAt;
    }

    public Long getDisabledAt() {
        return disabledAt;
    }

    public void setDisabledAt(Long disabledAt) {
        this.disabledAt = disabledAt;
    }

    public Long getLastSuccessAt() {
        return lastSuccessAt;
    }

    public void setLastSuccessAt(Long lastSuccessAt) {
        this.lastSuccessAt = lastSuccessAt;
    }
}
