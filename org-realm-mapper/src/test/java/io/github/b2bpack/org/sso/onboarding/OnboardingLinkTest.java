package io.github.b2bpack.org.sso.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnboardingLinkTest {

    @Test
    void tokensAreRandomAndWellFormed() {
        String a = OnboardingLink.newToken();
        String b = OnboardingLink.newToken();
        assertNotEquals(a, b);
        assertTrue(OnboardingLink.isToken(a), a);
        assertFalse(OnboardingLink.isToken(a + "x"));
        assertFalse(OnboardingLink.isToken("../../admin"));
        assertFalse(OnboardingLink.isToken(null));
    }

    @Test
    void theStoreKeyIsAHashNotTheToken() {
        String token = OnboardingLink.newToken();
        assertFalse(OnboardingLink.key(token).contains(token));
        assertEquals(OnboardingLink.key(token), OnboardingLink.key(token));
        assertNotEquals(OnboardingLink.key(token), OnboardingLink.usedKey(token));
    }

    @Test
    void notesRoundTripAndForeignEntriesAreIgnored() {
        OnboardingLink link = new OnboardingLink("acme", "acme", "production", 1_700_000_000L);
        assertEquals(link, OnboardingLink.fromNotes(link.toNotes()));
        assertNull(OnboardingLink.fromNotes(null));
        Map<String, String> broken = new HashMap<>(link.toNotes());
        broken.put("expires_at", "soon");
        assertNull(OnboardingLink.fromNotes(broken));
        broken.remove("realm");
        assertNull(OnboardingLink.fromNotes(broken));
    }

    @Test
    void theConnectionSettingsTheIssuerChoseTravelWithTheLink() {
        OnboardingLink link =
                new OnboardingLink("acme", "acme", "sandbox", 1_700_000_000L, "saml.okta", "only_registered_users");
        OnboardingLink read = OnboardingLink.fromNotes(link.toNotes());
        assertEquals("saml.okta", read.providerType());
        assertEquals("only_registered_users", read.usersAccessPolicy());
        assertNull(OnboardingLink.fromNotes(new OnboardingLink("acme", "acme", "sandbox", 1L).toNotes())
                .providerType());
    }

    @Test
    void aCompletedOnboardingKillsTheLinksOfItsGeneration() {
        OnboardingLink link = new OnboardingLink("acme", "acme", "production", 100, null, null, 3L);
        assertEquals(link, OnboardingLink.fromNotes(link.toNotes()));
        assertTrue(link.belongsTo(3L));
        assertFalse(link.belongsTo(4L));
        assertFalse(link.belongsTo(-1L));
        // An entry written before links carried a generation belongs to the first one: it stays valid until the
        // realm's first completed onboarding.
        Map<String, String> old = new HashMap<>(link.toNotes());
        old.remove("generation");
        assertTrue(OnboardingLink.fromNotes(old).belongsTo(0L));
        assertFalse(OnboardingLink.fromNotes(old).belongsTo(1L));
    }

    @Test
    void liveUntilItsExpiry() {
        OnboardingLink link = new OnboardingLink("acme", "acme", "production", 100);
        assertTrue(link.liveAt(99));
        assertFalse(link.liveAt(100));
    }

    @Test
    void anIssuerMayShortenButNotLengthen() {
        assertEquals(604800, OnboardingLink.lifespan(null, 604800));
        assertEquals(604800, OnboardingLink.lifespan(" ", 604800));
        assertEquals(3, OnboardingLink.lifespan("3", 604800));
        assertThrows(IllegalArgumentException.class, () -> OnboardingLink.lifespan("604801", 604800));
        assertThrows(IllegalArgumentException.class, () -> OnboardingLink.lifespan("0", 604800));
        assertThrows(IllegalArgumentException.class, () -> OnboardingLink.lifespan("-5", 604800));
        assertThrows(IllegalArgumentException.class, () -> OnboardingLink.lifespan("1e9", 604800));
    }
}
