package io.github.b2bpack.webhook.api;

import java.time.Instant;

/** Timestamps in API answers: ISO-8601 UTC, null stays null. */
final class JsonTime {

    private JsonTime() {}

    static String of(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
