package io.github.b2bpack.magiclink.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MagicLinkSettingsTest {

    @Test
    void missingConfigTakesTheDefaults() {
        MagicLinkSettings s = MagicLinkSettings.of(null);
        assertEquals(900, s.ttlSeconds());
        assertTrue(s.bindToBrowser());
        assertEquals(MagicLinkSettings.DEFAULTS, MagicLinkSettings.of(Map.of()));
    }

    @Test
    void readsEveryKey() {
        MagicLinkSettings s = MagicLinkSettings.of(Map.of(
                "ttlSeconds", "120",
                "bindToBrowser", "FALSE",
                "addressLimit", "2",
                "addressWindowSeconds", "60",
                "ipLimit", "7",
                "ipWindowSeconds", "30",
                "minimumAnswerMillis", "0"));
        assertEquals(new MagicLinkSettings(120, false, 2, 60, 7, 30, 0), s);
        assertEquals(250, MagicLinkSettings.DEFAULTS.minimumAnswerMillis());
    }

    @Test
    void refusesOutOfRangeAndUnreadableValuesNamingTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MagicLinkSettings.of(Map.of("ttlSeconds", "9")))
                .getMessage()
                .startsWith("ttlSeconds"));
        assertThrows(IllegalArgumentException.class, () -> MagicLinkSettings.of(Map.of("ipLimit", "101")));
        assertThrows(IllegalArgumentException.class, () -> MagicLinkSettings.of(Map.of("addressLimit", "x")));
        assertThrows(IllegalArgumentException.class, () -> MagicLinkSettings.of(Map.of("bindToBrowser", "yes")));
        assertThrows(IllegalArgumentException.class, () -> MagicLinkSettings.of(Map.of("minimumAnswerMillis", "-1")));
        assertThrows(IllegalArgumentException.class, () -> MagicLinkSettings.of(Map.of("minimumAnswerMillis", "2001")));
    }

    @Test
    void aBrokenStoredConfigFallsBackToTheDefaultsAtLogin() {
        assertEquals(MagicLinkSettings.DEFAULTS, MagicLinkSettings.orDefaults(Map.of("ttlSeconds", "-1")));
        assertFalse(
                MagicLinkSettings.orDefaults(Map.of("bindToBrowser", "false")).bindToBrowser());
    }
}
