package io.github.b2bpack.sms.headless.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrgDomainTest {

    @Test
    void productionAndSandboxRealms() {
        assertEquals(new OrgDomain("loirama", "production"), OrgDomain.of("loirama"));
        assertEquals(new OrgDomain("loirama", "sandbox"), OrgDomain.of("loirama--sandbox"));
        // A name that is only the suffix is not a sandbox of nothing.
        assertEquals(new OrgDomain("--sandbox", "production"), OrgDomain.of("--sandbox"));
    }

    @Test
    void orgDomainIsOptionalButMustMatchWhenGiven() {
        OrgDomain org = OrgDomain.of("loirama--sandbox");
        assertTrue(org.accepts(null));
        assertTrue(org.accepts(""));
        assertTrue(org.accepts("loirama"));
        assertFalse(org.accepts("other-org"));
        assertFalse(org.accepts("loirama--sandbox"));
    }
}
