package io.github.b2bpack.webhook.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One outbox row: one event for one webhook, written in the transaction of the event itself. Its id
 * is the Standard Webhooks {@code webhook-id}, stable across retries (the receivers' idempotency key);
 * its payload holds the exact bytes that are signed and sent. A claim ({@code CLAIM_TOKEN},
 * {@code CLAIMED_UNTIL}) marks the node that is attempting it; an expired claim may be taken again.
 */
@Entity
@Table(name = "B2BPACK_WEBHOOK_DELIVERY")
public class WebhookDeliveryEntity implements RealmScoped {

    @Id
    @Column(name = "ID", length = 40)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "WEBHOOK_ID", length = 36, nullable = false)
    private String webhookId;

    @Column(name = "EVENT_CODE", length = 128, nullable = false)
    private String eventCode;

    @Column(name = "PAYLOAD", nullable = false, length = 1048576)
    private String payload;

    /** The body's format ({@code standard}, {@code cloudevents}): sent as its Content-Type; null (older rows) is standard. */
    @Column(name = "PAYLOAD_FORMAT", length = 16)
    private String payloadFormat;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "CLAIM_TOKEN", length = 36)
    private String claimToken;

    @Column(name = "CLAIMED_UNTIL")
    private Long claimedUntil;

    @Column(name = "LAST_STATUS")
    private Integer lastStatus;

    @Column(name = "LAST_ERROR", length = 255)
    private String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "FIRST_ATTEMPT_AT")
    private Long firstAttemptAt;

    @Column(name = "LAST_ATTEMPT_AT")
    private Long lastAttemptAt;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public String getEventCode() {
        return eventCode;
    }

    public void setEventCode(String eventCode) {
        this.eventCode = eventCode;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public String getPayloadFormat() {
        return payloadFormat;
    }

    public void setPayloadFormat(String payloadFormat) {
        this.payloadFormat = payloadFormat;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getClaimToken() {
        return claimToken;
    }

    public void setClaimToken(String claimToken) {
        this.claimToken = claimToken;
    }

    public Long getClaimedUntil() {
        return claimedUntil;
    }

    public void setClaimedUntil(Long claimedUntil) {
        this.claimedUntil = claimedUntil;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public void setLastStatus(Integer lastStatus) {
        this.lastStatus = lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getFirstAttemptAt() {
        return firstAttemptAt;
    }

    public void setFirstAttemptAt(Long firstAttemptAt) {
        this.firstAttemptAt = firstAttemptAt;
    }

    public Long getLastAttemptAt() {
        return lastAttemptAt;
    }

    public void setLastAttemptAt(Long lastAttemptAt) {
        this.lastAttemptAt = lastAttemptAt;
    }

    public Long getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Long finishedAt) {
        this.finishedAt = finishedAt;
    }
}
