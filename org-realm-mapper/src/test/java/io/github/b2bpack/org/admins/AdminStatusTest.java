package io.github.b2bpack.org.admins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminStatusTest {

    @Test
    void statusComesFromTheAnswerTimestamps() {
        assertEquals(AdminStatus.PENDING, AdminStatus.of(null, null));
        assertEquals(AdminStatus.ACCEPTED, AdminStatus.of(10L, null));
        assertEquals(AdminStatus.DECLINED, AdminStatus.of(null, 10L));
    }

    @Test
    void theLaterAnswerWinsAndATieIsAnAccept() {
        assertEquals(AdminStatus.DECLINED, AdminStatus.of(10L, 11L));
        assertEquals(AdminStatus.ACCEPTED, AdminStatus.of(11L, 10L));
        assertEquals(AdminStatus.ACCEPTED, AdminStatus.of(10L, 10L));
    }

    @Test
    void onlyADeclinedInvitationMayBeSentAgain() {
        assertTrue(AdminStatus.PENDING.blocksNewInvitation());
        assertTrue(AdminStatus.ACCEPTED.blocksNewInvitation());
        assertFalse(AdminStatus.DECLINED.blocksNewInvitation());
        assertEquals("declined", AdminStatus.DECLINED.id());
    }
}
