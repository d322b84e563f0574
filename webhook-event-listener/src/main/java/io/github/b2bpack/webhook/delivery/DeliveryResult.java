package io.github.b2bpack.webhook.delivery;

import java.time.Duration;

/**
 * The outcome of one HTTP attempt.
 *
 * @param status     HTTP status, or 0 when no answer arrived (refused, reset, timeout, SSRF guard)
 * @param retryAfter the receiver's {@code Retry-After}, when it sent a usable one
 * @param error      short reason for a failure without status, safe to store and show (no secrets)
 * @param durationMillis time the attempt took
 */
public record DeliveryResult(int status, Duration retryAfter, String error, long durationMillis) {

    public static DeliveryResult failed(String error, long durationMillis) {
        return new DeliveryResult(0, null, error, durationMillis);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
