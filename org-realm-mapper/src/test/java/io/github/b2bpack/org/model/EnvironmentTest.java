package io.github.b2bpack.org.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void namesAreTheApisAndRealmsFollowTheSlug() {
        assertEquals("production", Environment.PRODUCTION.id());
        assertEquals("sandbox", Environment.SANDBOX.id());
        assertEquals("acme", Environment.PRODUCTION.realmName("acme"));
        assertEquals("acme--sandbox", Environment.SANDBOX.realmName("acme"));
        assertEquals("Acme", Environment.PRODUCTION.displayName("Acme"));
        assertEquals("Acme (sandbox)", Environment.SANDBOX.displayName("Acme"));
        assertEquals(Optional.of(Environment.SANDBOX), Environment.byId("sandbox"));
        assertEquals(Optional.empty(), Environment.byId("Sandbox"));
        assertEquals(Optional.empty(), Environment.byId(null));
        assertEquals(Optional.of(EnvironmentStatus.DOWN), EnvironmentStatus.byId("down"));
        assertEquals(Optional.empty(), EnvironmentStatus.byId("DOWN"));
        assertEquals(EnvironmentStatus.UP, EnvironmentStatus.of(true));
    }

    @Test
    void statusesFallBackWhereTheRequestIsSilent() {
        EnvironmentStatuses sandboxUp = new EnvironmentStatuses(null, EnvironmentStatus.UP);
        assertTrue(sandboxUp.up(Environment.SANDBOX, false));
        assertTrue(sandboxUp.up(Environment.PRODUCTION, true));
        assertFalse(sandboxUp.up(Environment.PRODUCTION, false));
        assertFalse(new EnvironmentStatuses(EnvironmentStatus.DOWN, null).up(Environment.PRODUCTION, true));
        assertFalse(EnvironmentStatuses.NONE.up(Environment.SANDBOX, false));
    }
}
