package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.b2bpack.org.users.MetaKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * {@code add-metadata} and {@code remove-metadata} bodies, JSON or form-encoded: a request whose key is a valid
 * metakey (and whose value fits) or {@link IllegalArgumentException}, never another exception. Seeds:
 * {@code MetadataRequestFuzzTestInputs/body}.
 */
class MetadataRequestFuzzTest {

    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void body(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        for (boolean withValue : new boolean[] {true, false}) {
            try {
                MetadataRequest request = MetadataRequest.parse(body, withValue);
                assertTrue(MetaKeys.keyOf(MetaKeys.attribute(request.key())).isPresent(), request.key());
                if (withValue) {
                    assertTrue(request.value().length() <= MetaKeys.MAX_VALUE_LENGTH);
                }
            } catch (IllegalArgumentException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }
}
