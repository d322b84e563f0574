package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.org.model.OrganizationException;
import org.junit.jupiter.api.Test;

class ActiveFlagTest {

    @Test
    void queryFormOrJson() {
        assertTrue(ActiveFlag.of("true", null));
        assertFalse(ActiveFlag.of("false", "{\"active\":true}"));
        assertFalse(ActiveFlag.of(null, "active=false"));
        assertTrue(ActiveFlag.of(null, "{\"active\": true}"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String[] bad : new String[][] {
            {null, null},
            {"yes", null},
            {null, "{\"active\":\"true\"}"},
            {null, "{"},
            {null, "active=1"},
            {"TRUE", null}
        }) {
            assertThrows(OrganizationException.class, () -> ActiveFlag.of(bad[0], bad[1]));
        }
    }
}
