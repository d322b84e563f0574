package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {

    private static final SigningKey CURRENT = SigningKey.of(SigningSecret.generate());
    private static final SigningKey PREVIOUS = SigningKey.of(SigningSecret.generate());

    private final SigningKeyCache cache = new SigningKeyCache();
    private final AtomicInteger loads = new AtomicInteger();

    private SigningKeyCache.KeySet load(Long previousUntil) {
        loads.incrementAndGet();
        return new SigningKeyCache.KeySet(
                previousUntil == null ? List.of(CURRENT) : List.of(CURRENT, PREVIOUS), previousUntil);
    }

    @Test
    void sameVersionDecryptsOnce() {
        assertEquals(List.of(CURRENT), cache.keys("w", "v1", 0, () -> load(null)));
        assertEquals(List.of(CURRENT), cache.keys("w", "v1", 0, () -> load(null)));
        assertEquals(1, loads.get());
    }

    @Test
    void aNewVersionReloads() {
        cache.keys("w", "v1", 0, () -> load(null));
        assertEquals(List.of(CURRENT, PREVIOUS), cache.keys("w", "v2", 0, () -> load(1_000L)));
        assertEquals(2, loads.get());
    }

    @Test
    void thePreviousKeyStopsSigningWhenItsGraceEnds() {
        assertEquals(2, cache.keys("w", "v1", 999, () -> load(1_000L)).size());
        List<SigningKey> later = cache.keys("w", "v1", 1_000, () -> load(1_000L));
        assertEquals(List.of(CURRENT), later);
        assertEquals(1, loads.get(), "no reload: the cached set knows when the previous key expires");
    }

    @Test
    void aGoneWebhookIsNotCached() {
        assertNull(cache.keys("w", "v1", 0, () -> {
            loads.incrementAndGet();
            return null;
        }));
        assertSame(CURRENT, cache.keys("w", "v1", 0, () -> load(null)).get(0));
        assertEquals(2, loads.get());
    }

    @Test
    void aFailedDecryptionPropagatesAndCachesNothing() {
        assertThrows(
                IllegalStateException.class,
                () -> cache.keys("w", "v1", 0, () -> {
                    throw new IllegalStateException("wrong key");
                }));
        assertEquals(List.of(CURRENT), cache.keys("w", "v1", 0, () -> load(null)));
    }

    @Test
    void keySetsNeverPrintKeys() {
        assertEquals("KeySet[2 keys]", load(1_000L).toString());
    }
}
