package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionedCacheTest {

    private final VersionedCache<String> cache = new VersionedCache<>(2);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void aValueIsReadOncePerVersion() {
        assertEquals("a", cache.get("k", "v1", () -> load("a")));
        assertEquals("a", cache.get("k", "v1", () -> load("b")));
        assertEquals("b", cache.get("k", "v2", () -> load("b")));
        assertEquals("b", cache.get("k", "v2", () -> load("c")));
        assertEquals(2, loads.get());
    }

    @Test
    void aMissingValueDropsWhatWasKept() {
        cache.get("k", "v1", () -> load("a"));
        assertNull(cache.get("k", "v2", () -> load(null)));
        assertEquals("c", cache.get("k", "v1", () -> load("c")), "the value of v1 was dropped, not kept for later");
        assertEquals(3, loads.get());
    }

    @Test
    void pastItsSizeTheCacheStartsOver() {
        cache.get("a", "v", () -> load("a"));
        cache.get("b", "v", () -> load("b"));
        cache.get("c", "v", () -> load("c"));
        assertEquals(3, loads.get());
        assertEquals("c", cache.get("c", "v", () -> load("x")), "the newest value stays");
        assertEquals("a2", cache.get("a", "v", () -> load("a2")), "the older ones were let go");
        assertEquals(4, loads.get());
    }

    @Test
    void aForgottenKeyIsReadAgain() {
        cache.get("k", "v", () -> load("a"));
        cache.forget("k");
        assertEquals("b", cache.get("k", "v", () -> load("b")));
        assertEquals(2, loads.get());
    }
}
