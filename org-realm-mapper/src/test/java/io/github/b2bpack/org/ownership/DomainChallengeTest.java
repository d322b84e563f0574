package io.github.b2bpack.org.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainChallengeTest {

    @Test
    void tokensAreRandomUrlSafeAndOfFixedLength() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = DomainChallenge.newToken();
            assertTrue(DomainChallenge.isToken(token), token);
            assertTrue(seen.add(token));
        }
        assertEquals("_b2bpack-challenge.acme.example", DomainChallenge.recordName("acme.example"));
        assertEquals("b2bpack-domain-verification=abc", DomainChallenge.recordValue("abc"));
    }

    @Test
    void txtRenderingsOfJndiAndZoneFilesAreRead() {
        assertEquals(Optional.of("v=spf1 -all"), DomainChallenge.txtText("\"v=spf1 -all\""));
        assertEquals(Optional.of("abcdef"), DomainChallenge.txtText("abc def"), "split strings join without separator");
        assertEquals(Optional.of("abcd ef"), DomainChallenge.txtText("abc \"d ef\""));
        assertEquals(Optional.of("a\"b"), DomainChallenge.txtText("\"a\\\"b\""));
        assertEquals(Optional.of(""), DomainChallenge.txtText("\"\""));
        assertEquals(Optional.empty(), DomainChallenge.txtText("\"unterminated"));
        assertEquals(Optional.empty(), DomainChallenge.txtText("ab\"c"));
        assertEquals(Optional.empty(), DomainChallenge.txtText("\"ends with backslash\\"));
        assertEquals(Optional.empty(), DomainChallenge.txtText(null));
        assertEquals(Optional.empty(), DomainChallenge.txtText("x".repeat(5000)));
    }

    @Test
    void onlyTheExactValueOfThisTokenMatches() {
        String token = DomainChallenge.newToken();
        String other = DomainChallenge.newToken();
        String value = DomainChallenge.recordValue(token);
        assertTrue(DomainChallenge.matches(List.of("v=spf1 -all", value), token));
        assertTrue(DomainChallenge.matches(List.of("\"" + value + "\""), token));
        assertTrue(DomainChallenge.matches(List.of(value.substring(0, 20) + " " + value.substring(20)), token));
        assertFalse(DomainChallenge.matches(List.of(DomainChallenge.recordValue(other)), token));
        assertFalse(DomainChallenge.matches(List.of(value + "x"), token));
        assertFalse(DomainChallenge.matches(List.of(value.substring(1)), token));
        assertFalse(DomainChallenge.matches(List.of(token), token));
        assertFalse(DomainChallenge.matches(List.of(value), "not-a-token"));
        assertFalse(DomainChallenge.matches(List.of(value), null));
        assertFalse(DomainChallenge.matches(null, token));
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random random = new java.util.Random(7);
        String token = DomainChallenge.newToken();
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(80)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = "\"\\ ab=-_".charAt(random.nextInt(8));
            }
            String text = new String(chars);
            DomainChallenge.txtText(text);
            assertFalse(DomainChallenge.matches(List.of(text), token));
        }
    }
}
