package io.github.b2bpack.org.sso.challenge;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /sso-saml-challenges} bodies, JSON or form-encoded, from anyone holding an admin token: a request with
 * exactly one of email and organization and a bounded redirect URI, or {@link IllegalArgumentException}, never
 * another exception (a 500). Seeds: {@code SsoChallengeRequestFuzzTestInputs/body}.
 */
class SsoChallengeRequestFuzzTest {

    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void body(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        try {
            SsoChallengeRequest request = SsoChallengeRequest.parse(body);
            assertTrue((request.userEmail() == null) != (request.orgDomain() == null));
            assertNotNull(request.redirectUri());
            assertTrue(request.redirectUri().length() <= SsoChallengeRequest.MAX_FIELD);
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
