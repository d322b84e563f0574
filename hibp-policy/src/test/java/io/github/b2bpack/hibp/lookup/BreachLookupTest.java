package io.github.b2bpack.hibp.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.hibp.metrics.HibpMetrics;
import io.github.b2bpack.hibp.offline.IndexWriter;
import io.github.b2bpack.hibp.offline.OfflineIndex;
import io.github.b2bpack.hibp.offline.TextHashSource;
import io.github.b2bpack.hibp.range.HttpRangeClient;
import io.github.b2bpack.hibp.range.PasswordHash;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookup against the fake range API over real HTTP (Apache HttpClient, as Keycloak's). */
class BreachLookupTest {

    private static final Duration BUDGET = Duration.ofMillis(400);

    @TempDir
    Path dir;

    private FakeHibpRangeApi fake;
    private CloseableHttpClient http;
    private ScheduledExecutorService deadlines;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void start() {
        fake = new FakeHibpRangeApi(0);
        http = HttpClients.custom().setMaxConnPerRoute(50).setMaxConnTotal(50).build();
        deadlines = Executors.newSingleThreadScheduledExecutor();
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() throws IOException {
        fake.close();
        http.close();
        deadlines.shutdownNow();
    }

    private BreachLookup lookup(LookupMode mode, OfflineIndex index) {
        return lookup(mode, index, BUDGET);
    }

    /** A test that compares verdicts gives the online side room: on a loaded machine 400 ms can run out. */
    private BreachLookup lookup(LookupMode mode, OfflineIndex index, Duration budget) {
        LookupSettings settings = new LookupSettings(
                fake.baseUrl(),
                budget,
                1000,
                Duration.ofMinutes(5),
                FailureMode.OPEN,
                mode,
                index == null ? null : dir.resolve("pwned.idx"));
        return new BreachLookup(
                settings, new HttpRangeClient(fake.baseUrl(), () -> http, deadlines), index, new HibpMetrics(registry));
    }

    @Test
    void sendsOnlyTheFiveHexPrefixWithPaddingAndIgnoresPaddedLines() {
        fake.addPassword("hunter2", 17).addPassword("padded-looking", 0);
        BreachLookup lookup = lookup(LookupMode.ONLINE, null);

        assertEquals(17, lookup.lookup("hunter2").count());
        BreachCount padded = lookup.lookup("padded-looking");
        assertTrue(padded.available());
        assertEquals(0, padded.count());

        for (RecordedRequest request : fake.requests()) {
            assertTrue(request.path().matches("/range/[0-9A-F]{5}"), request.path());
            assertEquals(null, request.query());
            assertEquals("true", request.header("Add-Padding"));
        }
        assertEquals(1.0, registry.get("b2bpack.hibp.hits").counter().count());
    }

    @Test
    void secondCheckOfAPrefixComesFromTheCache() {
        fake.addPassword("hunter2", 17);
        BreachLookup lookup = lookup(LookupMode.ONLINE, null);
        lookup.lookup("hunter2");
        BreachCount again = lookup.lookup("hunter2");
        assertEquals(BreachCount.Source.CACHE, again.source());
        assertEquals(17, again.count());
        assertEquals(1, fake.requests().size());
        assertEquals(1.0, registry.get("b2bpack.hibp.cache.hits").counter().count());
    }

    @Test
    void twoHundredConcurrentChecksOfOnePrefixMakeOneUpstreamRequest() throws Exception {
        fake.addPassword("hunter2", 17);
        fake.delay(150);
        BreachLookup lookup = lookup(LookupMode.ONLINE, null);
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<BreachCount>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return lookup.lookup("hunter2");
            }));
        }
        go.countDown();
        for (Future<BreachCount> result : results) {
            assertEquals(17, result.get().count());
        }
        pool.shutdown();
        assertEquals(1, fake.requests().size());
    }

    @Test
    void everyMisbehaviourEndsWithinTheBudgetAsUnavailableAndIsNotCached() {
        BreachLookup lookup = lookup(LookupMode.ONLINE, null);
        int i = 0;
        for (FakeHibpRangeApi.Misbehaviour misbehaviour : List.of(
                FakeHibpRangeApi.Misbehaviour.SERVER_ERROR,
                FakeHibpRangeApi.Misbehaviour.HANG,
                FakeHibpRangeApi.Misbehaviour.GARBAGE,
                FakeHibpRangeApi.Misbehaviour.HUGE_BODY)) {
            fake.misbehave(misbehaviour);
            long started = System.nanoTime();
            BreachCount result = lookup.lookup("misbehaving-" + i++);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertFalse(result.available(), misbehaviour.name());
            assertTrue(millis < BUDGET.toMillis() + 300, misbehaviour + " took " + millis + " ms");
            assertEquals(BreachCount.Verdict.UNAVAILABLE_ALLOWED, result.verdict(1, FailureMode.OPEN));
            assertEquals(BreachCount.Verdict.UNAVAILABLE_REFUSED, result.verdict(1, FailureMode.CLOSED));
        }
        assertEquals(4.0, registry.get("b2bpack.hibp.upstream.errors").counter().count());
        fake.misbehave(FakeHibpRangeApi.Misbehaviour.NONE);
        fake.addPassword("misbehaving-0", 3);
        assertEquals(3, lookup.lookup("misbehaving-0").count(), "a failure must not be cached");
    }

    @Test
    void unreachableApiIsUnavailable() {
        LookupSettings settings = new LookupSettings(
                "http://127.0.0.1:9", BUDGET, 10, Duration.ofMinutes(1), FailureMode.CLOSED, LookupMode.ONLINE, null);
        BreachLookup lookup = new BreachLookup(
                settings,
                new HttpRangeClient("http://127.0.0.1:9", () -> http, deadlines),
                null,
                new HibpMetrics(registry));
        assertFalse(lookup.lookup("anything").available());
    }

    @Test
    void offlineAndOnlineVerdictsAgreeOnTheSameData() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        List<String> breached = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String password = "breached-" + random.nextLong();
            long count = i % 10 == 0 ? 1000 + random.nextInt(1_000_000) : 1 + random.nextInt(127);
            breached.add(password);
            fake.addPassword(password, count);
            lines.add(FakeHibpRangeApi.sha1Hex(password) + ":" + count);
        }
        Files.write(dir.resolve("pwned.txt"), lines);
        IndexWriter.write(new TextHashSource(dir.resolve("pwned.txt")), dir.resolve("pwned.idx"));

        try (OfflineIndex index = OfflineIndex.open(dir.resolve("pwned.idx"))) {
            BreachLookup online = lookup(LookupMode.ONLINE, null, Duration.ofSeconds(30));
            BreachLookup offline = lookup(LookupMode.OFFLINE, index);
            List<String> candidates = new ArrayList<>(breached.subList(0, 150));
            for (int i = 0; i < 150; i++) {
                candidates.add("clean-" + random.nextLong());
            }
            for (String password : candidates) {
                BreachCount on = online.lookup(password);
                BreachCount off = offline.lookup(password);
                assertEquals(BreachCount.Source.OFFLINE_INDEX, off.source());
                for (long threshold : new long[] {1, 2, 10, 50, 100, 128}) {
                    assertEquals(
                            on.verdict(threshold, FailureMode.OPEN),
                            off.verdict(threshold, FailureMode.OPEN),
                            "threshold " + threshold);
                }
            }
            assertTrue(fake.requests().size() > 0);
            int online0 = fake.requests().size();
            BreachLookup both = lookup(LookupMode.OFFLINE_THEN_ONLINE, index);
            assertTrue(both.lookup(breached.get(0)).count() > 0);
            assertEquals(online0, fake.requests().size(), "a hit in the index needs no network");
        }
    }

    @Test
    void prefixNeverExceedsFiveCharacters() {
        BreachLookup lookup = lookup(LookupMode.ONLINE, null);
        for (int i = 0; i < 20; i++) {
            lookup.lookup("p" + i);
        }
        for (RecordedRequest request : fake.requests()) {
            assertEquals(5, request.path().length() - "/range/".length());
        }
        assertEquals(
                PasswordHash.of("p0").prefix(), fake.requests().get(0).path().substring(7));
    }
}
