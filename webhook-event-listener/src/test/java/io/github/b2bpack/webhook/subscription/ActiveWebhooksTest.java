package io.github.b2bpack.webhook.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ActiveWebhooksTest {

    private final ActiveWebhooks cache = new ActiveWebhooks();
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<List<Webhook>> loader(String name) {
        return () -> {
            loads.incrementAndGet();
            return List.of(new Webhook(
                    "id-" + name,
                    "realm",
                    name,
                    "https://example.com/" + name,
                    List.of("user.*"),
                    true,
                    null,
                    1L,
                    1L,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null));
        };
    }

    @Test
    void sameVersionReadsTheDatabaseOnce() {
        assertEquals("a", cache.of("realm", "v1", loader("a")).get(0).name());
        assertEquals("a", cache.of("realm", "v1", loader("b")).get(0).name());
        assertEquals(1, loads.get());
    }

    @Test
    void aNewVersionReloads() {
        cache.of("realm", "v1", loader("a"));
        assertEquals("b", cache.of("realm", "v2", loader("b")).get(0).name());
        assertEquals(2, loads.get());
    }

    @Test
    void aRealmThatNeverChangedItsWebhooksIsCachedUnderNoVersion() {
        cache.of("realm", null, loader("a"));
        cache.of("realm", null, loader("b"));
        assertEquals(1, loads.get());
        assertEquals("b", cache.of("realm", "v1", loader("b")).get(0).name(), "the first change is seen");
    }

    @Test
    void realmsAreKeptApartAndForgotten() {
        cache.of("one", "v1", loader("a"));
        assertEquals("b", cache.of("two", "v1", loader("b")).get(0).name());
        cache.forget("one");
        assertEquals("c", cache.of("one", "v1", loader("c")).get(0).name());
        assertEquals(3, loads.get());
    }
}
