package io.github.b2bpack.org.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EmailDomainLookupCacheTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Optional<Organization>> database = domain -> {
        reads.incrementAndGet();
        return domain.equals("acme.example")
                ? Optional.of(new Organization("acme", "Acme", List.of("acme.example"), 1, 1, true, false, null))
                : Optional.empty();
    };

    @Test
    void answersRepeatedLookupsIncludingUnknownDomainsFromMemory() {
        EmailDomainLookupCache cache = new EmailDomainLookupCache(Duration.ofMinutes(1));
        assertEquals(
                "acme",
                cache.lookup("acme.example", "v1", database).orElseThrow().slug());
        assertEquals(
                "acme",
                cache.lookup("acme.example", "v1", database).orElseThrow().slug());
        assertEquals(Optional.empty(), cache.lookup("nobody.example", "v1", database));
        assertEquals(Optional.empty(), cache.lookup("nobody.example", "v1", database));
        assertEquals(2, reads.get());
    }

    @Test
    void invalidationSendsTheNextLookupToTheDatabase() {
        EmailDomainLookupCache cache = new EmailDomainLookupCache(Duration.ofMinutes(1));
        cache.lookup("acme.example", "v1", database);
        cache.invalidateAll();
        cache.lookup("acme.example", "v1", database);
        assertEquals(2, reads.get());
    }

    @Test
    void anEntryReadUnderAnotherVersionIsReadAgain() {
        EmailDomainLookupCache cache = new EmailDomainLookupCache(Duration.ofMinutes(1));
        cache.lookup("acme.example", "v1", database);
        cache.lookup("acme.example", "v2", database);
        cache.lookup("acme.example", "v2", database);
        assertEquals(2, reads.get());
    }

    @Test
    void aMissingVersionIsAVersionLikeAnyOther() {
        // Before the first organization write the admin realm has no version attribute yet.
        EmailDomainLookupCache cache = new EmailDomainLookupCache(Duration.ofMinutes(1));
        cache.lookup("acme.example", null, database);
        cache.lookup("acme.example", null, database);
        cache.lookup("acme.example", "v1", database);
        assertEquals(2, reads.get());
    }

    @Test
    void zeroTtlReadsTheDatabaseEveryTime() {
        EmailDomainLookupCache cache = new EmailDomainLookupCache(Duration.ZERO);
        cache.lookup("acme.example", "v1", database);
        cache.lookup("acme.example", "v1", database);
        assertEquals(2, reads.get());
    }
}
