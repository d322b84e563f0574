package io.github.b2bpack.org.admins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminAttributesTest {

    @Test
    void aUserWithoutInvitationIsNoAdministrator() {
        assertNull(AdminAttributes.read(Map.of()));
        assertNull(AdminAttributes.read(null));
        assertNull(AdminAttributes.read(Map.of(AdminAttributes.INVITED_AT, List.of("soon"))));
    }

    @Test
    void readsEveryTimestampAndTheCreatedFlag() {
        AdminRecord admin = AdminAttributes.read(Map.of(
                AdminAttributes.INVITED_AT, List.of("1000"),
                AdminAttributes.ACCEPTED_AT, List.of("2000"),
                AdminAttributes.LAST_LOGIN_AT, List.of("3000"),
                AdminAttributes.CREATED_BY_INVITATION, List.of("true")));
        assertEquals(new AdminRecord(1000, 2000L, null, 3000L, true), admin);
        assertEquals(AdminStatus.ACCEPTED, admin.status());
    }

    @Test
    void anEditedUnreadableTimestampCountsAsAbsent() {
        AdminRecord admin = AdminAttributes.read(Map.of(
                AdminAttributes.INVITED_AT, List.of("1000"),
                AdminAttributes.ACCEPTED_AT, List.of("-5"),
                AdminAttributes.DECLINED_AT, List.of("99999999999999999999"),
                AdminAttributes.CREATED_BY_INVITATION, List.of("yes")));
        assertEquals(AdminStatus.PENDING, admin.status());
        assertFalse(admin.createdByInvitation());
    }

    @Test
    void theRolesAreTheLeastForUsersIdentityProvidersAndDirectorySync() {
        assertEquals(
                List.of(
                        "view-users",
                        "query-users",
                        "manage-users",
                        "query-groups",
                        "view-identity-providers",
                        "manage-identity-providers",
                        "view-realm"),
                List.copyOf(AdminRoles.GRANTED.keySet()));
        for (String strong : List.of("realm-admin", "manage-realm", "manage-clients", "impersonation")) {
            assertFalse(AdminRoles.GRANTED.containsKey(strong), strong);
        }
        assertTrue(AdminRoles.GRANTED.values().stream().noneMatch(String::isBlank));
    }
}
