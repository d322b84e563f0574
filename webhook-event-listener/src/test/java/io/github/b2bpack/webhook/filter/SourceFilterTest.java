package io.github.b2bpack.webhook.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SourceFilterTest {

    private static boolean admits(SourceFilter f, String client, String env) {
        return f.admits(() -> client, () -> env);
    }

    @Test
    void noFilterAdmitsEverythingAndLooksNothingUp() {
        AtomicInteger lookups = new AtomicInteger();
        Supplier<String> counted = () -> {
            lookups.incrementAndGet();
            return "x";
        };
        assertTrue(SourceFilter.NONE.isEmpty());
        assertTrue(SourceFilter.NONE.admits(counted, counted));
        assertEquals(0, lookups.get());
    }

    @Test
    void clientIdsKeepOnlyTheirClients() {
        SourceFilter f = new SourceFilter(List.of("app", "portal"), List.of(), List.of());
        assertTrue(admits(f, "app", null));
        assertTrue(admits(f, "portal", "sandbox"));
        assertFalse(admits(f, "crm", null));
        assertFalse(admits(f, null, null), "an event without a client does not pass a client_ids filter");
    }

    @Test
    void excludedClientIdsDropOnlyTheirClients() {
        SourceFilter f = new SourceFilter(List.of(), List.of("crm"), List.of());
        assertFalse(admits(f, "crm", null));
        assertTrue(admits(f, "app", null));
        assertTrue(admits(f, null, null), "an event without a client is not anyone's echo");
    }

    @Test
    void environmentsKeepOnlyTheirEnvironmentAndDropUnknownOnes() {
        SourceFilter f = new SourceFilter(List.of(), List.of(), List.of("production"));
        assertTrue(admits(f, "any", "production"));
        assertFalse(admits(f, "any", "sandbox"));
        assertFalse(admits(f, "any", null), "a realm without an organization does not pass");
    }

    @Test
    void filtersCombineWithAnd() {
        SourceFilter f = new SourceFilter(List.of("app"), List.of(), List.of("sandbox"));
        assertTrue(admits(f, "app", "sandbox"));
        assertFalse(admits(f, "app", "production"));
        assertFalse(admits(f, "web", "sandbox"));
    }

    @Test
    void theEnvironmentIsNotLookedUpWhenTheClientAlreadyFailed() {
        AtomicInteger lookups = new AtomicInteger();
        SourceFilter f = new SourceFilter(List.of("app"), List.of(), List.of("sandbox"));
        assertFalse(f.admits(() -> "web", () -> {
            lookups.incrementAndGet();
            return "sandbox";
        }));
        assertEquals(0, lookups.get());
    }

    @Test
    void problems() {
        assertNull(new SourceFilter(List.of("a"), List.of("b"), List.of("production", "sandbox")).problem());
        assertNotNull(new SourceFilter(List.of("a"), List.of("a"), List.of()).problem(), "kept and excluded");
        assertNotNull(new SourceFilter(List.of(), List.of(), List.of("staging")).problem(), "unknown environment");
        assertNotNull(new SourceFilter(List.of(""), List.of(), List.of()).problem(), "blank id");
        assertNotNull(new SourceFilter(List.of("x".repeat(256)), List.of(), List.of()).problem(), "long id");
        List<String> many = Collections.nCopies(SourceFilter.MAX_ENTRIES + 1, "c");
        assertNotNull(new SourceFilter(many, List.of(), List.of()).problem(), "too many");
        assertNotNull(new SourceFilter(List.of(), many, List.of()).problem(), "too many excluded");
        assertTrue(new SourceFilter(List.of("a"), List.of("a"), List.of())
                .problem()
                .contains("'a'"));
    }

    @Test
    void quotedNamesAreCutAndCounted() {
        assertEquals("'a', 'b'", SourceFilter.quoted(List.of("a", "b")));
        assertTrue(
                SourceFilter.quoted(List.of("1", "2", "3", "4", "5", "6", "7")).endsWith(" and 2 more"));
        assertTrue(SourceFilter.quoted(List.of("y".repeat(100))).length() < 70);
    }
}
