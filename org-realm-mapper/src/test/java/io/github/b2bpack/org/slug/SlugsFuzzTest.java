package io.github.b2bpack.org.slug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * An organization name becomes the name of two realms, so the slug must always be one
 * {@link Slugs#isSlug} accepts (lower-case ASCII letters and digits, single dashes, at most 63
 * characters, never the sandbox suffix), slugging must be idempotent, and the sandbox realm name
 * is the slug plus the suffix and never itself a slug. Seeds: {@code SlugsFuzzTestInputs/name}.
 */
class SlugsFuzzTest {

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void name(byte[] input) {
        String name = new String(input, StandardCharsets.UTF_8);
        Optional<String> slug = Slugs.slugOf(name);
        if (slug.isEmpty()) {
            return;
        }
        String s = slug.get();
        assertTrue(Slugs.isSlug(s), "not a slug: " + s);
        assertFalse(s.contains("--"), "double dash");
        assertEquals(slug, Slugs.slugOf(s), "idempotent");
        // The sandbox realm name is never a slug, so no organization's production realm can take it.
        assertFalse(Slugs.isSlug(Slugs.sandboxRealm(s)), "sandbox realm " + Slugs.sandboxRealm(s));
        assertEquals(s + Slugs.SANDBOX_SUFFIX, Slugs.sandboxRealm(s));
        assertEquals(s, Slugs.productionRealm(s));
    }
}
