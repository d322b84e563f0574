package io.github.b2bpack.org.slug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Communitiz App|communitiz-app",
                "Weeklymotion|weeklymotion",
                "  Société Générale  |societe-generale",
                "Crème Brûlée & Co.|creme-brulee-co",
                "ACME -- Corp__2|acme-corp-2",
                "Straße Ølstue Œuvre|strasse-olstue-oeuvre",
                "ＡＢＣ Ｆｕｌｌｗｉｄｔｈ|abc-fullwidth",
                "Łódź Pierogi|lodz-pierogi",
                "東京 Tokyo|tokyo",
                "a.b.c|a-b-c",
            })
    void slugsAreLowercaseAsciiWithSingleDashes(String name, String slug) {
        assertEquals(Optional.of(slug), Slugs.slugOf(name));
        assertTrue(Slugs.isSlug(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "—", "東京", "- _ . -", "\t\n"})
    void namesWithoutLetterOrDigitHaveNoSlug(String name) {
        assertEquals(Optional.empty(), Slugs.slugOf(name));
    }

    @Test
    void nullHasNoSlug() {
        assertEquals(Optional.empty(), Slugs.slugOf(null));
    }

    @Test
    void longNamesAreCutWithoutTrailingDash() {
        String slug = Slugs.slugOf("a".repeat(62) + " b c d").orElseThrow();
        assertEquals(62, slug.length());
        assertFalse(slug.endsWith("-"));
        assertTrue(Slugs.isSlug(slug));
    }

    @Test
    void noNameProducesTheSandboxSeparator() {
        assertEquals(Optional.of("x-sandbox"), Slugs.slugOf("x--sandbox"));
        assertFalse(Slugs.isSlug(Slugs.sandboxRealm("acme")));
        assertEquals("acme--sandbox", Slugs.sandboxRealm("acme"));
        assertEquals("acme", Slugs.productionRealm("acme"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "acme-", "-acme", "ac--me", "ac me", "acmé", "../x", ""})
    void isSlugRejectsAnythingSlugOfCannotProduce(String value) {
        assertFalse(Slugs.isSlug(value));
    }
}
