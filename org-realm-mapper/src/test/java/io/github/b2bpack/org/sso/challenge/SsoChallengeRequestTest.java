package io.github.b2bpack.org.sso.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsoChallengeRequestTest {

    @Test
    void jsonWithEmail() {
        SsoChallengeRequest r = SsoChallengeRequest.parse(
                "{\"user_email\":\"lyla@loirama.co\",\"redirect_uri\":\"https://loirama.com/cb\",\"client_id\":null}");
        assertEquals("lyla@loirama.co", r.userEmail());
        assertNull(r.orgDomain());
        assertNull(r.clientId());
        assertEquals("https://loirama.com/cb", r.redirectUri());
    }

    @Test
    void cryptrFormWithOrgDomain() {
        SsoChallengeRequest r = SsoChallengeRequest.parse(
                "org_domain=loirama&redirect_uri=https%3A%2F%2Floirama.com%2Fwelcome&environment=sandbox");
        assertEquals("loirama", r.orgDomain());
        assertEquals("https://loirama.com/welcome", r.redirectUri());
        assertEquals("sandbox", r.environment());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"redirect_uri\":\"https://a.example\"}",
                "{\"user_email\":\"a@b.example\",\"org_domain\":\"b\",\"redirect_uri\":\"https://a.example\"}",
                "{\"user_email\":\"a@b.example\"}",
                "{\"user_email\":\"a@b.example\",\"redirect_uri\":\"https://a.example\",\"scope\":\"admin\"}",
                "{\"user_email\":1,\"redirect_uri\":\"https://a.example\"}",
                "user_email=a%40b.example&user_email=c%40d.example&redirect_uri=x",
                "user_email=%zz&redirect_uri=x",
                "{not json"
            })
    void refusals(String body) {
        assertThrows(IllegalArgumentException.class, () -> SsoChallengeRequest.parse(body));
    }

    @Test
    void oversizeBodies() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SsoChallengeRequest.parse("redirect_uri=" + "a".repeat(SsoChallengeRequest.MAX_BODY_CHARS)));
    }
}
