package io.github.b2bpack.org.admininvite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The invitation link's lifespan: an override the realm sets, bounded so the expiry cannot overflow. */
class AdminInvitationLifespanTest {

    @Test
    void aHugeOverrideIsCappedAtThirtyDays() {
        // 2147483647 seconds added to now overflowed the token's int expiry (a link that expired at once).
        assertEquals(AdminInvitationMailer.MAX_LIFESPAN_SECONDS, AdminInvitationMailer.lifespan("2147483647", 43200));
        assertEquals(30 * 24 * 3600, AdminInvitationMailer.MAX_LIFESPAN_SECONDS);
    }

    @Test
    void aPlainOverrideWinsAndABadOneFallsBack() {
        assertEquals(600, AdminInvitationMailer.lifespan(" 600 ", 43200));
        assertEquals(43200, AdminInvitationMailer.lifespan("0", 43200));
        assertEquals(43200, AdminInvitationMailer.lifespan("-5", 43200));
        assertEquals(43200, AdminInvitationMailer.lifespan("99999999999", 43200));
        assertEquals(43200, AdminInvitationMailer.lifespan("soon", 43200));
        assertEquals(43200, AdminInvitationMailer.lifespan(null, 43200));
        assertEquals(
                AdminInvitationMailer.MAX_LIFESPAN_SECONDS, AdminInvitationMailer.lifespan(null, Integer.MAX_VALUE));
    }
}
