package io.github.b2bpack.org.admins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CryptrAdminTest {

    @Test
    void aPendingAdministratorHasNullAnswersAsCryptrSendsThem() {
        CryptrAdmin admin = CryptrAdmin.of(
                "id-1", "it@acme.example", 500L, new AdminRecord(1000, null, null, null, true), "production", "org");
        assertEquals("Admin", admin.type());
        assertEquals("1970-01-01T00:00:01Z", admin.invitedAt());
        assertEquals("1970-01-01T00:00:00.500Z", admin.insertedAt());
        assertNull(admin.acceptedInvitationAt());
        assertNull(admin.declinedToBeInChargeAt());
        assertNull(admin.lastLoginAt());
        assertEquals("pending", admin.status());
        assertEquals(admin.invitedAt(), admin.updatedAt());
    }

    @Test
    void updatedAtIsTheLastAnswerNotTheLastLogin() {
        CryptrAdmin admin = CryptrAdmin.of(
                "id-1", "it@acme.example", null, new AdminRecord(1000, 2000L, null, 9000L, false), "sandbox", null);
        assertEquals("1970-01-01T00:00:02Z", admin.updatedAt());
        assertEquals("1970-01-01T00:00:09Z", admin.lastLoginAt());
        assertEquals(admin.invitedAt(), admin.insertedAt());
        assertEquals("accepted", admin.status());
        assertNull(admin.withoutOrganization().organization());
    }

    @Test
    void theColorIsStableAndCaseInsensitive() {
        assertEquals(CryptrAdmin.color("IT@Acme.example"), CryptrAdmin.color("it@acme.example"));
        assertTrue(CryptrAdmin.COLORS.contains(CryptrAdmin.color(null)));
    }
}
