package io.github.b2bpack.webhook.format;

/**
 * How a webhook's deliveries are written: the pack's own {@code {type, timestamp, data}} ({@link #STANDARD}), or a
 * CloudEvents 1.0 event in structured mode ({@link #CLOUDEVENTS}). Both are signed the same way (Standard Webhooks
 * headers over the exact bytes sent).
 */
public enum PayloadFormat {
    STANDARD("standard", "application/json"),
    CLOUDEVENTS("cloudevents", "application/cloudevents+json");

    private final String code;
    private final String contentType;

    PayloadFormat(String code, String contentType) {
        this.code = code;
        this.contentType = contentType;
    }

    /** The API's and the database's name: {@code standard} or {@code cloudevents}. */
    public String code() {
        return code;
    }

    /** The {@code Content-Type} of a delivery in this format. */
    public String contentType() {
        return contentType;
    }

    /** The format named {@code code}; null when none is (a 400 for the API). */
    public static PayloadFormat of(String code) {
        for (PayloadFormat f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        return null;
    }

    /** The stored value of a webhook (null in rows written before the column existed): unknown means standard. */
    public static PayloadFormat stored(String code) {
        PayloadFormat f = of(code);
        return f == null ? STANDARD : f;
    }

    /** The format whose content type is {@code contentType}; {@link #STANDARD} for null (rows before formats). */
    public static PayloadFormat ofContentType(String contentType) {
        return CLOUDEVENTS.contentType.equals(contentType) ? CLOUDEVENTS : STANDARD;
    }
}
