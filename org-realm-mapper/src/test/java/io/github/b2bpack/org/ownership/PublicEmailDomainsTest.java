package io.github.b2bpack.org.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicEmailDomainsTest {

    private final PublicEmailDomains shipped = PublicEmailDomains.load(null, List.of(), List.of());

    @Test
    void theShippedListHoldsTheCommonProvidersInEveryForm() {
        assertTrue(shipped.size() > 250, "entries: " + shipped.size());
        for (String d : List.of(
                "gmail.com",
                "googlemail.com",
                "outlook.com",
                "hotmail.com",
                "hotmail.fr",
                "hotmail.co.uk",
                "live.com",
                "yahoo.com",
                "yahoo.fr",
                "yahoo.co.jp",
                "yahoo.com.br",
                "icloud.com",
                "me.com",
                "aol.com",
                "proton.me",
                "protonmail.com",
                "gmx.de",
                "gmx.net",
                "web.de",
                "yandex.ru",
                "yandex.com",
                "mail.ru",
                "qq.com",
                "163.com",
                "orange.fr",
                "free.fr",
                "laposte.net",
                "t-online.de")) {
            assertTrue(shipped.isPublic(d), d);
        }
    }

    @Test
    void caseTrailingDotAndUnicodeAreNormalizedAsOrganizationDomainsAre() {
        assertTrue(shipped.isPublic("GMail.COM"));
        assertTrue(shipped.isPublic("gmail.com."));
        assertTrue(shipped.isPublic(" gmail.com "));
        PublicEmailDomains idn = PublicEmailDomains.parse("bücher.example\nxn--caf-dma.example", List.of());
        assertTrue(idn.isPublic("xn--bcher-kva.example"));
        assertTrue(idn.isPublic("BÜCHER.example"));
        assertTrue(idn.isPublic("café.example"));
        // A look-alike with a Cyrillic letter is another domain: whoever registered it proves it through DNS.
        assertFalse(shipped.isPublic("gmаil.com"));
    }

    @Test
    void subdomainsOfAListedDomainArePublicButNotLookAlikesOrParents() {
        assertTrue(shipped.isPublic("mail.gmail.com"));
        assertTrue(shipped.isPublic("a.b.outlook.com"));
        assertTrue(shipped.isPublic("eu.yahoo.co.uk"));
        assertFalse(shipped.isPublic("notgmail.com"));
        assertFalse(shipped.isPublic("gmail.com.acme.example"));
        assertFalse(shipped.isPublic("com"));
        assertFalse(shipped.isPublic("acme.example"));
        assertFalse(shipped.isPublic("not a domain"));
    }

    @Test
    void brandEntriesCoverOneCountryLabelOrAShortSecondLevelOnly() {
        PublicEmailDomains list = PublicEmailDomains.parse("yahoo.*", List.of());
        assertTrue(list.isPublic("yahoo.fr"));
        assertTrue(list.isPublic("yahoo.co.uk"));
        assertTrue(list.isPublic("yahoo.com.br"));
        assertTrue(list.isPublic("mail.yahoo.de"));
        assertFalse(list.isPublic("yahoo.mycompany.example"));
        assertFalse(list.isPublic("acme.yahoo"));
        assertFalse(list.isPublic("yahoo"));
    }

    @Test
    void operatorsReplaceExtendAndTrimTheList() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("public", ".txt");
        java.nio.file.Files.writeString(file, "# ours\nexample-mail.test  # a provider\n\nfree.*\n");
        PublicEmailDomains own = PublicEmailDomains.load(file.toString(), List.of("extra.test"), List.of("free.*"));
        assertTrue(own.isPublic("example-mail.test"));
        assertTrue(own.isPublic("extra.test"));
        assertFalse(own.isPublic("free.fr"));
        assertFalse(own.isPublic("gmail.com"), "a file replaces the shipped list");
        PublicEmailDomains trimmed = PublicEmailDomains.load(null, List.of(), List.of("orange.fr", "ORANGE.FR."));
        assertFalse(trimmed.isPublic("orange.fr"));
        assertTrue(trimmed.isPublic("gmail.com"));
        assertEquals(shipped.size() - 1, trimmed.size());
    }

    @Test
    void aBrokenListStopsTheServerWithTheLine() {
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class, () -> PublicEmailDomains.parse("gmail.com\nnot a domain\n", List.of()));
        assertTrue(bad.getMessage().contains("not a domain"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PublicEmailDomains.parse("mail.yahoo.*", List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> PublicEmailDomains.load("/nonexistent/list.txt", List.of(), List.of()));
    }

    @Test
    void parsingNeverThrowsAnythingElseOnGarbage() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 5_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x3000));
            }
            String text = new String(chars);
            try {
                PublicEmailDomains.parse(text, List.of());
            } catch (IllegalArgumentException expected) {
                // invalid entries are refused, nothing else is thrown
            }
            shipped.isPublic(text);
        }
    }
}
