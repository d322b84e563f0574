package io.github.b2bpack.org.emaildomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Email domains come from admins (allowed domains) and from users (their email at registration and
 * discovery). {@link EmailDomains#normalize} answers a lower-case ASCII host name of valid labels or
 * empty, and is idempotent; {@link EmailDomains#domainOf} agrees with it; an address is allowed by a
 * domain list holding its own domain; {@link EmailDomains#normalizeAll} throws only
 * {@link IllegalArgumentException}. Input: lines, the first an email address, all of them domains.
 * Seeds: {@code EmailDomainsFuzzTestInputs/input}.
 */
class EmailDomainsFuzzTest {

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void input(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.split("\n", 60));
        for (String line : lines) {
            domain(line);
        }
        String email = lines.get(0);
        Optional<String> domain = EmailDomains.domainOf(email);
        if (domain.isPresent()) {
            assertEquals(domain, EmailDomains.normalize(domain.get()));
            assertTrue(EmailDomains.allows(List.of(domain.get()), email), "own domain allows");
        }
        try {
            List<String> all = EmailDomains.normalizeAll(lines);
            assertTrue(all.size() <= EmailDomains.MAX_DOMAINS);
            assertEquals(all.size(), all.stream().distinct().count(), "de-duplicated");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().length() < 200, "bounded message");
        }
    }

    private static void domain(String raw) {
        Optional<String> normalized = EmailDomains.normalize(raw);
        if (normalized.isEmpty()) {
            return;
        }
        String d = normalized.get();
        assertTrue(d.length() <= 253 && d.matches("[a-z0-9.-]+"), "ASCII host name: " + d);
        assertEquals(normalized, EmailDomains.normalize(d), "idempotent");
        assertEquals(normalized, EmailDomains.normalize(d.toUpperCase(java.util.Locale.ROOT)), "case-insensitive");
    }
}
