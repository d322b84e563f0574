package io.github.b2bpack.webhook.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The rate limit state of one limited webhook: its next free delivery slot (epoch millis), shared by every node.
 * Claims reserve slots under a row lock on it ({@code RateLimiter}); no foreign key, removed with its webhook.
 */
@Entity
@Table(name = "B2BPACK_WEBHOOK_RATE")
public class WebhookRateEntity {

    @Id
    @Column(name = "WEBHOOK_ID", length = 36)
    private String webhookId;

    @Column(name = "NEXT_SLOT_AT", nullable = false)
    private long nextSlotAt;

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public long getNextSlotAt() {
        return nextSlotAt;
    }

    public void setNextSlotAt(long nextSlotAt) {
        this.nextSlotAt = nextSlotAt;
    }
}
