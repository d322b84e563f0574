package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.b2bpack.org.model.EnvironmentStatus;
import io.github.b2bpack.org.slug.Slugs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

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
            for (EnvironmentStatus status : new EnvironmentStatus[] {
                request.environments().production(), request.environments().sandbox()
            }) {
                assertTrue(
                        status == null
                                || status.id().equals("up")
                                || status.id().equals("down"),
                        String.valueOf(status));
            }
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
