package io.github.b2bpack.webhook.subscription;

/** The realm already has the most webhooks allowed ({@code max-webhooks-per-realm}). */
public final class WebhookLimitExceededException extends RuntimeException {
    private final int limit;

    WebhookLimitExceededException(int limit) {
        super("webhooks per realm limit reached", null, false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
