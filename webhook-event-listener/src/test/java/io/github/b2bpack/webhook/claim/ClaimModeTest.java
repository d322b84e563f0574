package io.github.b2bpack.webhook.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClaimModeTest {

    @Test
    void parsesTheThreeValues() {
        assertEquals(ClaimMode.AUTO, ClaimMode.parse("auto"));
        assertEquals(ClaimMode.SKIP_LOCKED, ClaimMode.parse(" Skip-Locked "));
        assertEquals(ClaimMode.CONDITIONAL_UPDATE, ClaimMode.parse("conditional-update"));
    }

    @Test
    void refusesAnythingElseClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimMode.parse("nowait"));
        assertEquals(
                "claim-strategy must be one of auto, skip-locked, conditional-update, not 'nowait'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClaimMode.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ClaimMode.parse(null));
    }

    @Test
    void autoUsesSkipLockedOnPostgresOnly() {
        assertEquals(ClaimStrategy.SKIP_LOCKED, ClaimMode.AUTO.resolve("PostgreSQL", 17, 5));
        // MariaDB has SKIP LOCKED, but deadlocks with it under repeatable read (see ClaimStrategy.forDatabase).
        assertEquals(ClaimStrategy.CONDITIONAL_UPDATE, ClaimMode.AUTO.resolve("MariaDB", 10, 11));
        assertEquals(ClaimStrategy.SKIP_LOCKED, ClaimMode.SKIP_LOCKED.resolve("MariaDB", 10, 11));
        assertEquals(ClaimStrategy.CONDITIONAL_UPDATE, ClaimMode.AUTO.resolve("H2", 2, 4));
        assertEquals(ClaimStrategy.CONDITIONAL_UPDATE, ClaimMode.AUTO.resolve("MySQL", 8, 4));
        assertEquals(ClaimStrategy.CONDITIONAL_UPDATE, ClaimMode.AUTO.resolve(null, 0, 0));
    }

    @Test
    void aForcedStrategyIgnoresTheDatabase() {
        assertEquals(ClaimStrategy.CONDITIONAL_UPDATE, ClaimMode.CONDITIONAL_UPDATE.resolve("PostgreSQL", 17, 5));
        assertEquals(ClaimStrategy.SKIP_LOCKED, ClaimMode.SKIP_LOCKED.resolve("H2", 2, 4));
    }
}
