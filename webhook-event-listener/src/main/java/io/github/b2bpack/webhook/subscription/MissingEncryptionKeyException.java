package io.github.b2bpack.webhook.subscription;

/** Fail closed: no encryption key, no signature keys. */
public final class MissingEncryptionKeyException extends IllegalStateException {
    MissingEncryptionKeyException() {
        super("no webhook encryption key configured (spi-events-listener--webhooks--encryption-key)");
    }
}
