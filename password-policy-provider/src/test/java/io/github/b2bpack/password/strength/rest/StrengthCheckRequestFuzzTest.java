package io.github.b2bpack.password.strength.rest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator;
import io.github.b2bpack.password.strength.scoring.StrengthEstimate;
import io.github.b2bpack.password.strength.scoring.UserInputs;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * The body of the anonymous {@code POST /realms/{realm}/password-strength}: any bytes up to the
 * endpoint's 64 KiB cap. Parsing yields a request with a password or an {@link StrengthCheckRequest.InvalidRequest}
 * whose message is one of a fixed few (it is returned to the caller and must never quote the body,
 * which holds a password); the request is then scored by the bounded estimator, which must answer a
 * score in [0, 4]. Seeds: {@code StrengthCheckRequestFuzzTestInputs/body}, one raw body per file.
 */
class StrengthCheckRequestFuzzTest {

    private static final int MAX_BODY_BYTES = 65_536;
    private static final Set<String> MESSAGES = Set.of(
            "the body is not valid JSON",
            "the body could not be read",
            "the body must be a JSON object",
            "password is required and must be a string",
            "username must be a string",
            "email must be a string",
            "first_name must be a string",
            "last_name must be a string");

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void body(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return;
        }
        StrengthCheckRequest request;
        try {
            request = StrengthCheckRequest.parse(body);
        } catch (StrengthCheckRequest.InvalidRequest e) {
            assertTrue(MESSAGES.contains(e.getMessage()), "unexpected message: " + e.getMessage());
            return;
        }
        assertNotNull(request.password());
        UserInputs inputs = UserInputs.none()
                .username(request.username())
                .email(request.email())
                .firstName(request.firstName())
                .lastName(request.lastName())
                .realmName("acme");
        StrengthEstimate estimate = BoundedStrengthEstimator.standard().estimate(request.password(), inputs);
        assertTrue(estimate.score() >= 0 && estimate.score() <= 4, "score " + estimate.score());
    }
}
