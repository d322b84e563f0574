package io.github.b2bpack.webhook.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A webhook of a realm. No foreign key to Keycloak's tables (their schema is Keycloak's to change):
 * rows of a removed realm are deleted by the realm-removed listener. Signature keys are stored
 * encrypted ({@code SecretCipher}); the previous key is kept until its grace period ends.
 */
@Entity
@Table(name = "B2BPACK_WEBHOOK")
public class WebhookEntity implements RealmScoped {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Column(name = "TARGET_URL", length = 2048, nullable = false)
    private String targetUrl;

    @Column(name = "EVENT_CODES", length = 4000, nullable = false)
    private String eventCodes;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "SECRET", length = 255, nullable = false)
    private String secret;

    @Column(name = "PREVIOUS_SECRET", length = 255)
    private String previousSecret;

    @Column(name = "PREVIOUS_SECRET_UNTIL")
    private Long previousSecretUntil;

    /** The {@code whpk_} Ed25519 public key of a v1a webhook (not secret); null for v1. */
    @Column(name = "PUBLIC_KEY", length = 64)
    private String publicKey;

    /** {@code standard} or {@code cloudevents} (issue 16); rows from before it read as standard. */
    @Column(name = "PAYLOAD_FORMAT", length = 16)
    private String payloadFormat;

    @Column(name = "DEACTIVATED_REASON", length = 255)
    private String deactivatedReason;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** JSON array of client ids ({@code client_ids}); null for none. */
    @Column(name = "CLIENT_IDS", length = 65536)
    private String clientIds;

    /** JSON array of client ids ({@code excluded_client_ids}); null for none. */
    @Column(name = "EXCLUDED_CLIENT_IDS", length = 65536)
    private String excludedClientIds;

    /** JSON array of environment names ({@code environments}); null for none. */
    @Column(name = "ENVIRONMENTS", length = 255)
    private String environments;

    /** Deliveries per second at most; null for unlimited. The next free slot is in B2BPACK_WEBHOOK_RATE. */
    @Column(name = "RATE_LIMIT_PER_SECOND")
    private Integer rateLimitPerSecond;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTargetUrl() {
        return targetUrl;
    }

    public void setTargetUrl(String targetUrl) {
        this.targetUrl = targetUrl;
    }

    public String getEventCodes() {
        return eventCodes;
    }

    public void setEventCodes(String eventCodes) {
        this.eventCodes = eventCodes;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getPreviousSecret() {
        return previousSecret;
    }

    public void setPreviousSecret(String previousSecret) {
        this.previousSecret = previousSecret;
    }

    public Long getPreviousSecretUntil() {
        return previousSecretUntil;
    }

    public void setPreviousSecretUntil(Long previousSecretUntil) {
        this.previousSecretUntil = previousSecretUntil;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getPayloadFormat() {
        return payloadFormat;
    }

    public void setPayloadFormat(String payloadFormat) {
        this.payloadFormat = payloadFormat;
    }

    public String getDeactivatedReason() {
        return deactivatedReason;
    }

    public void setDeactivatedReason(String deactivatedReason) {
        this.deactivatedReason = deactivatedReason;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getClientIds() {
        return clientIds;
    }

    public void setClientIds(String clientIds) {
        this.clientIds = clientIds;
    }

    public String getExcludedClientIds() {
        return excludedClientIds;
    }

    public void setExcludedClientIds(String excludedClientIds) {
        this.excludedClientIds = excludedClientIds;
    }

    public String getEnvironments() {
        return environments;
    }

    public void setEnvironments(String environments) {
        this.environments = environments;
    }

    public Integer getRateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public void setRateLimitPerSecond(Integer rateLimitPerSecond) {
        this.rateLimitPerSecond = rateLimitPerSecond;
    }
}
