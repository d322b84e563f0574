package io.github.b2bpack.org.dirsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DirectorySyncTokenTest {

    private static final String ID = "32dad740-142e-4af3-ac69-de5f36915d80";

    @Test
    void issuedTokenRoundTripsAndMatchesItsHashOnly() {
        DirectorySyncToken token = DirectorySyncToken.issue("barker-inc", "sandbox", ID, new SecureRandom());
        assertTrue(token.value().startsWith("barker-inc.sandbox." + ID + "."), token.value());
        assertEquals(64, token.secret().length());
        DirectorySyncToken parsed = DirectorySyncToken.parse(token.value()).orElseThrow();
        assertEquals(token, parsed);
        assertTrue(parsed.matches(token.hash()));
        DirectorySyncToken other = DirectorySyncToken.issue("barker-inc", "sandbox", ID, new SecureRandom());
        assertFalse(other.matches(token.hash()), "a reset token never matches the old hash");
        assertFalse(token.matches(null));
        assertFalse(token.toString().contains(token.secret()), "toString hides the secret");
    }

    @Test
    void theHashBindsThePrefix() {
        DirectorySyncToken token = DirectorySyncToken.issue("acme", "production", ID, new SecureRandom());
        DirectorySyncToken moved = new DirectorySyncToken("globex", "production", ID, token.secret());
        assertFalse(moved.matches(token.hash()));
        assertNotEquals(token.hash(), moved.hash());
    }

    @Test
    void parseRefusesAnythingElse() {
        String secret = "a".repeat(64);
        for (String bad : new String[] {
            null,
            "",
            "acme.production." + ID,
            "acme.production." + ID + "." + secret + ".x",
            "acme.staging." + ID + "." + secret,
            "Acme.production." + ID + "." + secret,
            "acme.production.not-a-uuid." + secret,
            "acme.production." + ID + "." + secret.substring(1),
            "acme.production." + ID + "." + "a".repeat(63) + "=",
            "acme.production." + ID + "." + "a".repeat(600),
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"
        }) {
            assertTrue(DirectorySyncToken.parse(bad).isEmpty(), String.valueOf(bad));
        }
        assertTrue(
                DirectorySyncToken.parse("acme.production." + ID + "." + secret).isPresent());
    }
}
