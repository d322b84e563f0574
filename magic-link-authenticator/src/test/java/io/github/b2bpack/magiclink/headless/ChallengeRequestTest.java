package io.github.b2bpack.magiclink.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeRequestTest {

    private static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("user_email", " lyla@loirama.co ");
        m.put("redirect_uri", "https://loirama.com/welcome-back-user");
        m.put("client_id", "app");
        return m;
    }

    @Test
    void cryptrsFieldsPlusTheClientMakeARequest() {
        Map<String, String> m = valid();
        m.put("state", "s1");
        m.put("code_challenge", "abc");
        m.put("code_challenge_method", "S256");
        ChallengeRequest r = assertInstanceOf(ChallengeRequest.class, ChallengeRequest.parse(m));
        assertEquals("lyla@loirama.co", r.email());
        assertEquals("app", r.clientId());
        assertEquals(
                Map.of(
                        "state", "s1",
                        "code_challenge", "abc",
                        "code_challenge_method", "S256",
                        "scope", "openid",
                        "response_type", "code"),
                r.oidc());
    }

    @Test
    void eachMissingOrBadFieldIsNamed() {
        for (Map.Entry<String, String> bad : Map.of(
                        "user_email", "not-an-address",
                        "redirect_uri", "",
                        "client_id", " ",
                        "code_challenge_method", "MD5",
                        "state", "a\u0000b")
                .entrySet()) {
            Map<String, String> m = valid();
            m.put(bad.getKey(), bad.getValue());
            ChallengeRequest.Invalid invalid =
                    assertInstanceOf(ChallengeRequest.Invalid.class, ChallengeRequest.parse(m), bad.getKey());
            assertEquals("invalid_" + bad.getKey(), invalid.error());
        }
    }

    @Test
    void theAnswerHasCryptrsShapeAndNeverTheLink() {
        MagicLinkChallenge c = MagicLinkChallenge.of("loirama--sandbox", "lyla@loirama.co", "r1", 900);
        assertEquals("loirama", c.domain());
        assertEquals("sandbox", c.environment());
        assertEquals("MagicLinkChallenge", c.type());
        assertEquals(null, c.magicLink());
        assertEquals(
                "production", MagicLinkChallenge.of("loirama", "x@y.z", "r", 1).environment());
    }
}
