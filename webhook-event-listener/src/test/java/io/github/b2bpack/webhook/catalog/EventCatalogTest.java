package io.github.b2bpack.webhook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private final EventCatalog catalog =
            EventCatalog.of(List.of("LOGIN", "LOGIN_ERROR", "LOGOUT"), List.of("USER", "CLIENT"), List.of("CREATE"));

    @Test
    void listsKeycloakEventsThePacksOwnAdminEventsAndFamilies() {
        List<String> codes = catalog.all().stream().map(EventTypeEntry::code).toList();
        assertTrue(codes.containsAll(List.of("user.login.success", "user.login.error", "user.logout.success")));
        assertTrue(codes.containsAll(List.of(
                "user.sms_otp.code_sent.success",
                "user.sms_otp.code_sent.error",
                "user.hibp.breached_password.error")));
        assertTrue(codes.containsAll(List.of(
                "admin.user.create.success",
                "admin.client.create.error",
                "admin.webhook.create.success",
                "admin.organization_email_domain.create.error",
                "admin.directory_sync.create.success",
                "admin.organization_metakey.create.success",
                "admin.organization_connection.create.success")));
        // Directory Sync's events carry Cryptr's codes (three-segment b2bpack_event), the two-segment ones user.*.
        assertTrue(codes.containsAll(List.of(
                "dir_sync.user.provision.success",
                "dir_sync.user.deprovision.success",
                "dir_sync.user.delete.error",
                "user.sso.user_not_registered.error",
                "user.org_admin.invitation_accepted.success",
                "user.magic_link.sent.success",
                "user.app_otp.challenge_failed.error",
                "user.headless.totp_login.success")));
        assertFalse(codes.contains("user.dir_sync.user.provision.success"));
        assertEquals(
                "pack", catalog.select("dir_sync.user.provision.success").get(0).kind());
        assertEquals(
                List.of(
                        "dir_sync.user.provision.success",
                        "dir_sync.user.provision.error",
                        "dir_sync.user.update.success",
                        "dir_sync.user.update.error",
                        "dir_sync.user.deprovision.success",
                        "dir_sync.user.deprovision.error",
                        "dir_sync.user.reactivate.success",
                        "dir_sync.user.reactivate.error",
                        "dir_sync.user.delete.success",
                        "dir_sync.user.delete.error"),
                catalog.select("dir_sync.*").stream().map(EventTypeEntry::code).toList());
        assertTrue(
                codes.containsAll(List.of("user.*.success", "user.*.error", "admin.*.*.success", "admin.*.*.error")));
        assertTrue(codes.containsAll(
                List.of("webhook.endpoint.failing", "webhook.endpoint.disabled", "webhook.endpoint.recovered")));
        assertEquals(
                "operational",
                catalog.select("webhook.endpoint.disabled").get(0).kind());
        // 3 user + 43 pack × 2 + 3 operational + (2 + 5 pack) resources × 1 operation × 2 + 4 families
        assertEquals(PackEvents.USER.size() * 2 + 3 + 3 + (2 + PackEvents.ADMIN.size()) * 2 + 4, codes.size());
        assertEquals(3 + 86 + 3 + 14 + 4, codes.size());
    }

    @Test
    void anEntryDescribesItselfAndNamesItsCloudEventsType() {
        EventTypeEntry login = catalog.select("user.login.error").get(0);
        assertEquals("user", login.kind());
        assertEquals("Keycloak user event LOGIN_ERROR: login failed", login.description());
        assertEquals("io.github.b2bpack.user.login.error", login.cloudEventsType());
        assertEquals(
                "user.login.error", login.schema().at("/properties/type/const").asText());
        assertEquals(
                "LOGIN_ERROR",
                login.schema()
                        .at("/properties/data/properties/keycloak_type/const")
                        .asText());
        assertEquals(
                false,
                login.schema().at("/properties/data/additionalProperties").asBoolean());
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                login.schema().get("$schema").asText());
        EventTypeEntry admin = catalog.select("admin.user.create.success").get(0);
        assertEquals(
                "USER",
                admin.schema()
                        .at("/properties/data/properties/resource_type/const")
                        .asText());
        assertEquals(
                "CREATE",
                admin.schema().at("/properties/data/properties/operation/const").asText());
    }

    @Test
    void aCodeOutsideTheCatalogGetsItsFamilyAndAPatternEveryEntryItMatches() {
        assertEquals(
                List.of("user.*.success"),
                catalog.select("user.acme.thing.success").stream()
                        .map(EventTypeEntry::code)
                        .toList());
        assertEquals(
                List.of("admin.*.*.error"),
                catalog.select("admin.invoice.action.error").stream()
                        .map(EventTypeEntry::code)
                        .toList());
        assertEquals(
                List.of("admin.user.create.success", "admin.user.create.error"),
                catalog.select("admin.user.*").stream()
                        .map(EventTypeEntry::code)
                        .toList());
        assertEquals(List.of(), catalog.select("nothing.like.this"));
    }

    @Test
    void aFilterThatIsNeitherACodeNorAPatternIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> catalog.select("User.Login"));
        assertThrows(IllegalArgumentException.class, () -> catalog.select("user.<script>.*"));
        assertThrows(IllegalArgumentException.class, () -> catalog.select("a".repeat(200)));
    }
}
