package io.github.b2bpack.password.hashing.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2LimitsTest {

    @Test
    void defaultsAreFourTimesTheMemoryTenPassesFourLanesAndNeverBelowTheConfiguredCost() {
        assertEquals(new Argon2Limits(77824, 10, 4), Argon2Limits.defaultsFor(Argon2Cost.DEFAULT));
        assertEquals(
                new Argon2Limits(Argon2Cost.MAX_MEMORY_KIB, 12, 8),
                Argon2Limits.defaultsFor(new Argon2Cost(600_000, 12, 8)));
        assertNull(Argon2Limits.defaultsFor(Argon2Cost.DEFAULT).problemWith(Argon2Cost.DEFAULT));
    }

    @Test
    void costsAboveAMaximumAreNamedWithTheirOption() {
        Argon2Limits limits = Argon2Limits.defaultsFor(Argon2Cost.DEFAULT);
        assertNull(limits.exceededBy(Argon2Cost.DEFAULT));
        assertNull(limits.exceededBy(new Argon2Cost(77824, 10, 4)));
        assertEquals("memory 77825 KiB > max-memory 77824", limits.exceededBy(new Argon2Cost(77825, 2, 1)));
        assertEquals("iterations 100 > max-iterations 10", limits.exceededBy(new Argon2Cost(19456, 100, 1)));
        assertEquals("parallelism 16 > max-parallelism 4", limits.exceededBy(new Argon2Cost(19456, 2, 16)));
    }

    @Test
    void maximaBelowTheServersOwnCostOrAboveTheAbsoluteRangeAreConfigurationErrors() {
        assertTrue(
                new Argon2Limits(19455, 10, 4).problemWith(Argon2Cost.DEFAULT).startsWith("max-memory"));
        assertTrue(new Argon2Limits(Argon2Cost.MAX_MEMORY_KIB + 1, 10, 4)
                .problemWith(Argon2Cost.DEFAULT)
                .startsWith("max-memory"));
        assertTrue(new Argon2Limits(77824, 1, 4).problemWith(Argon2Cost.DEFAULT).startsWith("max-iterations"));
        assertTrue(
                new Argon2Limits(77824, 101, 4).problemWith(Argon2Cost.DEFAULT).startsWith("max-iterations"));
        assertTrue(
                new Argon2Limits(77824, 10, 17).problemWith(Argon2Cost.DEFAULT).startsWith("max-parallelism"));
    }

    @Test
    void realmPolicyPassesAreClampedToTheMaximum() {
        Argon2Limits limits = Argon2Limits.defaultsFor(Argon2Cost.DEFAULT);
        assertEquals(3, limits.clampIterations(3));
        assertEquals(10, limits.clampIterations(10));
        assertEquals(10, limits.clampIterations(100));
    }
}
