package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.b2bpack.org.users.ProfileClaim;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * The bodies of the users API ({@code POST/PUT …/users}, {@code add-metadata}, {@code remove-metadata}, a metakey
 * declaration). The parsers must answer a request or throw {@link IllegalArgumentException} (mapped to 400), never
 * another exception; whatever they accept is within the stored limits: a known Keycloak attribute, at most 255
 * characters, no control character outside multi-line address fields, a valid metadata key. Seeds:
 * {@code UserRequestFuzzTestInputs/body}, {@code MetadataRequestFuzzTestInputs/body}.
 */
class UserRequestFuzzTest {

    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void body(byte[] input) {
        UserRequest request;
        try {
            request = UserRequest.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
            return;
        }
        request.attributes().forEach((attribute, value) -> {
            assertTrue(
                    Arrays.stream(ProfileClaim.values())
                            .anyMatch(c -> c.attribute().equals(attribute)),
                    attribute);
            if (value != null) {
                assertTrue(!value.isEmpty() && value.length() <= UserRequest.MAX_TEXT, value);
                assertTrue(value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'), value);
            }
        });
        if (request.email() != null) {
            assertTrue(request.email().length() <= UserRequest.MAX_EMAIL
                    && request.email().contains("@"));
        }
    }
}
