package io.github.b2bpack.sms.challenge;

/** What a request for a code came to; {@code waitSeconds} is the time left for a cooldown refusal. */
public record SendResult(SendStatus status, long waitSeconds) {

    public boolean delivered() {
        return status == SendStatus.SENT;
    }
}
