package io.github.b2bpack.org.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import io.github.b2bpack.org.slug.Slugs;

/**
 * The body of {@code POST/PUT /admin/realms/master/orgs}. {@link OrganizationRequest#parse} must
 * answer a request or throw {@link IllegalArgumentException} (mapped to 400), never another
 * exception; a name it returns either gives a slug {@link Slugs#isSlug} accepts or an
 * {@link IllegalArgumentException}. Seeds: {@code OrganizationRequestFuzzTestInputs/body}.
 */
class OrganizationRequestFuzzTest {

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void body(byte[] input) {
        OrganizationRequest request;
        try {
            request = OrganizationRequest.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
            return;
        }
        if (request.environments() != null) {
            request.environments().forEach((name, status) -> {
                assertTrue(name.equals("production") || name.equals("sandbox"), name);
                assertTrue(status.equals("up") || status.equals("down"), status);
            });
        }
        if (request.name() != null) {
            try {
                String slug = OrganizationRequest.slugOfName(request.name());
                assertTrue(Slugs.isSlug(slug), "slug " + slug);
            } catch (IllegalArgumentException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }
}
