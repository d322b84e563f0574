package io.github.b2bpack.webhook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.webhook.claim.ClaimMode;
import io.github.b2bpack.webhook.recover.RecoverBounds;
import io.github.b2bpack.webhook.retry.RetrySchedule;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookOptionsTest {

    private static WebhookSettings read(Map<String, String> values) {
        return WebhookOptions.read(values::get, null);
    }

    @Test
    void defaults() {
        WebhookSettings s = read(Map.of());
        assertNull(s.encryptionKeys());
        assertEquals(new RetrySchedule(RetrySchedule.SVIX, 0.25, 5), s.retrySchedule());
        assertEquals(Duration.ofSeconds(5), s.sweepInterval());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(15), s.requestTimeout());
        assertEquals(16, s.concurrency());
        assertEquals(100, s.batchSize());
        assertEquals(Duration.ofSeconds(60), s.claimTimeout());
        assertEquals(Duration.ofHours(24), s.secretGracePeriod());
        assertEquals(Duration.ofHours(24), s.keepCompleted());
        assertEquals(Duration.ofDays(30), s.keepDiscarded());
        assertEquals(Duration.ofMinutes(10), s.purgeInterval());
        assertEquals(32768, s.maxRepresentationChars());
        assertEquals(50, s.maxWebhooksPerRealm());
        assertEquals(12, s.maxInFlightPerRealm(), "three quarters of concurrency");
        assertEquals(new RecoverBounds(Duration.ofDays(30), 10_000), s.recoverBounds());
        assertEquals("AddressPolicy[]", s.addressPolicy().toString());
        assertEquals(ClaimMode.AUTO, s.claimMode());
        assertEquals(Duration.ofDays(5), s.disableAfter(), "Standard Webhooks' guidance");
    }

    @Test
    void disableAfterIsADurationOfAtLeastASecond() {
        assertEquals(
                Duration.ofSeconds(20), read(Map.of("disable-after", "20s")).disableAfter());
        assertEquals(Duration.ofHours(36), read(Map.of("disable-after", "36h")).disableAfter());
        for (String bad : List.of("0", "0s", "500ms", "-1d", "soon", "5 days", "", "5w")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> read(Map.of("disable-after", bad)), bad);
            assertTrue(e.getMessage().startsWith("disable-after must be"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void setValuesWin() {
        WebhookSettings s = read(Map.of(
                "concurrency",
                "4",
                "max-in-flight-per-realm",
                "4",
                "retry-schedule",
                "1s,1s,2s",
                "retry-jitter",
                "0.1",
                "max-attempts",
                "10",
                "sweep-interval",
                "500ms",
                "allowed-networks",
                "127.0.0.0/8",
                "claim-timeout",
                "20s",
                "request-timeout",
                "12s"));
        assertEquals(4, s.concurrency());
        assertEquals(4, s.maxInFlightPerRealm());
        assertEquals(
                new RetrySchedule(
                        List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)), 0.1, 10),
                s.retrySchedule());
        assertEquals(Duration.ofMillis(500), s.sweepInterval());
        assertEquals("AddressPolicy[127.0.0.0/8]", s.addressPolicy().toString());
        assertEquals(Duration.ofSeconds(20), s.claimTimeout());
        assertEquals(
                new RecoverBounds(Duration.ofHours(2), 3),
                read(Map.of("recover-max-window", "2h", "recover-max-count", "3"))
                        .recoverBounds());
        assertEquals(3, read(Map.of("concurrency", "4")).maxInFlightPerRealm(), "the default follows concurrency");
        assertEquals(1, read(Map.of("concurrency", "1")).maxInFlightPerRealm(), "and never drops below one");
        assertEquals(
                ClaimMode.CONDITIONAL_UPDATE,
                read(Map.of("claim-strategy", "conditional-update")).claimMode());
        assertEquals(
                ClaimMode.SKIP_LOCKED,
                read(Map.of("claim-strategy", "skip-locked")).claimMode());
    }

    @Test
    void badValuesStopTheServerNamingTheOption() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> read(Map.of("batch-size", "lots")));
        assertTrue(e.getMessage().contains("batch-size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("max-in-flight-per-realm", "0")));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("sweep-interval", "50ms")));
        assertThrows(
                IllegalArgumentException.class,
                () -> read(Map.of("claim-timeout", "15s")),
                "claim must outlast a request");
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("retry-schedule", "soon")));
        e = assertThrows(IllegalArgumentException.class, () -> read(Map.of("claim-strategy", "nowait")));
        assertTrue(e.getMessage().startsWith("claim-strategy must be one of auto, skip-locked"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("recover-max-window", "0s")));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("recover-max-count", "0")));
        e = assertThrows(IllegalArgumentException.class, () -> read(Map.of("recover-max-count", "100001")));
        assertTrue(e.getMessage().contains("recover-max-count"), e.getMessage());
    }

    @Test
    void everyOptionIsListedOnceAndItsDefaultReads() {
        Set<String> names = new HashSet<>();
        for (WebhookOptions.Option o : WebhookOptions.ALL) {
            assertTrue(names.add(o.name()), "listed twice: " + o.name());
            assertTrue(o.type().equals("string") || o.type().equals("int"), o.name());
            if (o.defaultValue() != null && o.type().equals("int")) {
                Integer.parseInt(o.defaultValue());
            }
        }
        assertEquals(23, names.size());
        assertTrue(
                WebhookOptions.ENCRYPTION_KEY.secret() && WebhookOptions.ENCRYPTION_KEYS_PREVIOUS.secret(),
                "keys are secret");
        assertEquals(
                2,
                WebhookOptions.ALL.stream()
                        .filter(WebhookOptions.Option::secret)
                        .count(),
                "only the keys");
    }
}
