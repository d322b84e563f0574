package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.SmtpSink;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Organization administrators: the invitation is mailed through the organization realm's SMTP (a loopback
 * {@link SmtpSink}), opened in headless Chromium, accepted with a new password (or declined), and the new
 * administrator's own token manages its organization's users (Keycloak's admin API and the pack's users API
 * under its realm) and gets 403 on master, on the other organization and on realm settings. Replayed, expired
 * and forged links end on a page, never a 500; bad invitations get a clear 4xx or 5xx and leave nothing behind.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgAdminsIT extends OrgItBase {

    static final String NEW_PASSWORD = "Lx8!mQ2#vTz9-Admin-Heron";
    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectWebDriver
    ManagedWebDriver driver;

    private SmtpSink smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new SmtpSink();
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    private record Call(String method, String url, String body, int expected) {}

    @Test
    void anInvitedAdministratorManagesItsOrganizationOnly() throws Exception {
        String a = OrgFixtures.createOrg(http, "Org IT Admins A", "admins-a-it.example");
        String b = OrgFixtures.createOrg(http, "Org IT Admins B", "admins-b-it.example");
        OrgFixtures.prepareRealm(admin, a);
        OrgFixtures.prepareRealm(admin, b);
        AdminInvitations.useSmtp(admin, a, smtp.port());
        String email = "it-person@admins-a-it.example";

        // Bad invitations: a clear error, and nothing created.
        assertError(400, "email_domain_not_allowed", http.post("/" + a + "/admins?email=it@elsewhere.example", ""));
        assertError(400, "invalid_request", http.post("/" + a + "/admins", "{\"email\":\"not-an-address\"}"));
        assertError(503, "smtp_not_configured", http.post("/" + b + "/admins?email=it@admins-b-it.example", ""));
        try (ServerSocket closed = new ServerSocket(0)) {
            AdminInvitations.useSmtp(admin, b, closed.getLocalPort());
        }
        assertError(502, "invitation_not_sent", http.post("/" + b + "/admins?email=it@admins-b-it.example", ""));
        assertTrue(admin.realm(b)
                .users()
                .searchByEmail("it@admins-b-it.example", true)
                .isEmpty());
        assertTrue(smtp.mails().isEmpty());

        OidcClient.Response invited = http.post("/" + a + "/admins?email=" + email, "");
        assertEquals(201, invited.status(), invited.body());
        assertEquals("pending", invited.field("status"));
        assertNotNull(invited.field("invited_at"));
        assertTrue(invited.json().get("accepted_invitation_at").isNull());
        assertEquals(a, invited.json().get("organization").get("domain").asText());
        assertError(409, "admin_already_exists", http.post("/" + a + "/admins", "{\"email\":\"" + email + "\"}"));

        List<SmtpSink.Mail> mails = smtp.await(1, WAIT);
        assertEquals(1, mails.size());
        assertEquals(1, mails.get(0).to().size());
        assertTrue(mails.get(0).to().get(0).contains(email), mails.get(0).to().toString());
        String link = mails.get(0).actionTokenLink();

        driver.open(link);
        AdminInvitations.click(driver, "b2bpack-admin-invitation-accept");
        AdminInvitations.completeRequiredActions(driver, NEW_PASSWORD);
        OidcClient.Response accepted = http.get("/" + a + "/admins/" + email);
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("accepted", accepted.field("status"));
        assertNotNull(accepted.field("accepted_invitation_at"));
        assertTrue(accepted.json().get("last_login_at").isNull());

        // The link is used up.
        driver.open(link);
        driver.waiting().until(d -> d.getPageSource().contains("already been answered"));

        assertEquals(
                List.of(),
                admin.realm(a)
                        .users()
                        .get(accepted.field("id"))
                        .toRepresentation()
                        .getRequiredActions(),
                "every required action done in the browser");
        String token = Users.adminCliToken(a, email, NEW_PASSWORD);
        assertFalse(http.get("/" + a + "/admins/" + email)
                .json()
                .get("last_login_at")
                .isNull());

        String server = OrgHttp.SERVER + "/admin/realms/";
        String self = accepted.field("id");
        ClientRepresentation management =
                admin.realm(a).clients().findByClientId("realm-management").get(0);
        String realmAdminRole = "[{\"id\":\""
                + admin.realm(a)
                        .clients()
                        .get(management.getId())
                        .roles()
                        .get("realm-admin")
                        .toRepresentation()
                        .getId()
                + "\",\"name\":\"realm-admin\"}]";
        List<Call> table = new ArrayList<>();
        // Its organization, through Keycloak's admin API and the pack's users API under its realm.
        table.add(new Call("GET", server + a + "/users", null, 200));
        table.add(new Call(
                "POST", server + a + "/users", "{\"username\":\"made\",\"email\":\"made@admins-a-it.example\"}", 201));
        table.add(new Call("GET", server + a + "/identity-provider/instances", null, 200));
        table.add(new Call("GET", server + a + "/orgs/" + a + "/users", null, 200));
        table.add(new Call("POST", server + a + "/orgs/" + a + "/users", "{\"email\":\"p@admins-a-it.example\"}", 201));
        table.add(new Call("GET", server + a + "/orgs/" + a + "/admins", null, 200));
        // Realm settings and clients of its own realm, and more roles for itself.
        table.add(new Call("PUT", server + a, "{\"displayName\":\"taken\"}", 403));
        table.add(new Call("GET", server + a + "/clients", null, 403));
        table.add(new Call(
                "POST",
                server + a + "/users/" + self + "/role-mappings/clients/" + management.getId(),
                realmAdminRole,
                403));
        // Master and the other organization.
        table.add(new Call("GET", server + "master", null, 403));
        table.add(new Call("GET", server + "master/users", null, 403));
        table.add(new Call("GET", server + "master/orgs/" + a + "/users", null, 403));
        table.add(new Call("GET", server + "master/orgs/" + b + "/users", null, 403));
        table.add(new Call("GET", server + b + "/users", null, 403));
        table.add(new Call("GET", server + b + "/identity-provider/instances", null, 403));
        table.add(new Call("GET", server + b + "/orgs/" + b + "/users", null, 403));
        table.add(new Call("GET", server + a + "/orgs/" + b + "/users", null, 403));
        table.add(new Call("GET", server + a + "/orgs/" + b + "/admins", null, 403));
        BearerHttp caller = new BearerHttp("", () -> token, WAIT, "Accept", "application/json");
        List<String> mismatches = new ArrayList<>();
        for (Call call : table) {
            OidcClient.Response response = send(caller, call);
            if (response.status() != call.expected()) {
                mismatches.add(call + " got " + response.status() + " " + response.body());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        assertEquals(
                1,
                admin.realm(a)
                        .users()
                        .searchByEmail("made@admins-a-it.example", true)
                        .size());
        assertEquals("Org IT Admins A", admin.realm(a).toRepresentation().getDisplayName(), "realm settings unchanged");

        // Deleting the administrator removes its roles and ends its sessions: its token stops working.
        OidcClient.Response deleted = http.delete("/" + a + "/admins/" + email);
        assertEquals(200, deleted.status(), deleted.body());
        assertTrue(deleted.json().get("deleted").asBoolean());
        int after = caller.get(server + a + "/users").status();
        assertTrue(after == 401 || after == 403, "old token after delete: " + after);
        assertEquals(404, http.get("/" + a + "/admins/" + email).status());
        List<UserRepresentation> stays = admin.realm(a).users().searchByEmail(email, true);
        assertEquals(1, stays.size(), "an accepted administrator's user stays, as a plain user");
        // Its sessions end too (Keycloak's logout took master, the API's context realm, and removed none).
        assertTrue(
                admin.realm(a)
                        .users()
                        .get(stays.get(0).getId())
                        .getUserSessions()
                        .isEmpty(),
                "the deleted administrator's sessions");
        assertTrue(admin.realm(a)
                .users()
                .get(stays.get(0).getId())
                .roles()
                .clientLevel(management.getId())
                .listEffective()
                .isEmpty());

        List<String> actions = new ArrayList<>();
        for (AdminEventRepresentation event : admin.realm(a).getAdminEvents()) {
            if (event.getDetails() != null && event.getDetails().get("b2bpack_event") != null) {
                actions.add(event.getDetails().get("b2bpack_event"));
            }
        }
        assertTrue(
                actions.containsAll(List.of("org_admin.invited", "org_admin.invitation_accepted", "org_admin.deleted")),
                actions.toString());
    }

    @Test
    void declinedReplayedExpiredAndForgedLinksEndOnAPage() throws Exception {
        String c = OrgFixtures.createOrg(http, "Org IT Admins C", "admins-c-it.example");
        OrgFixtures.prepareRealm(admin, c);
        AdminInvitations.useSmtp(admin, c, smtp.port());

        assertEquals(
                201,
                http.post("/" + c + "/admins?email=no@admins-c-it.example", "").status());
        String declineLink = smtp.await(1, WAIT).get(0).actionTokenLink();
        driver.open(declineLink);
        AdminInvitations.click(driver, "b2bpack-admin-invitation-decline");
        driver.waiting().until(d -> d.getPageSource().contains("You declined to administer"));
        OidcClient.Response declined = http.get("/" + c + "/admins/no@admins-c-it.example");
        assertEquals("declined", declined.field("status"));
        assertNotNull(declined.field("declined_to_be_in_charge_at"));
        assertTrue(
                admin.realm(c)
                        .users()
                        .get(declined.field("id"))
                        .toRepresentation()
                        .isEnabled(),
                "declining takes nothing away from the person's account");
        driver.open(declineLink);
        driver.waiting().until(d -> d.getPageSource().contains("already been answered"));

        // A declined person may be invited again; the earlier link stays dead.
        assertEquals(
                201,
                http.post("/" + c + "/admins?email=no@admins-c-it.example", "").status());
        String second = smtp.await(2, WAIT).get(1).actionTokenLink();
        driver.open(declineLink);
        driver.waiting().until(d -> d.getPageSource().contains("already been answered"));

        // A forged link: the signature of the second one altered.
        int end = second.indexOf('&') > 0 ? second.indexOf('&') : second.length();
        String forged = second.substring(0, end - 3)
                + (second.substring(end - 3, end).equals("AAA") ? "BBB" : "AAA")
                + second.substring(end);
        driver.open(forged);
        driver.waiting()
                .until(d -> d.getPageSource().contains("not valid")
                        || d.getPageSource().contains("Invalid"));
        assertFalse(driver.driver().getPageSource().contains("Internal Server Error"));

        // An expired link: a one-second lifespan for this realm's invitations.
        RealmRepresentation rep = admin.realm(c).toRepresentation();
        Map<String, String> attributes = new HashMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
        attributes.put("actionTokenGeneratedByUserLifespan.b2bpack-org-admin-invitation", "1");
        rep.setAttributes(attributes);
        admin.realm(c).update(rep);
        assertEquals(
                201,
                http.post("/" + c + "/admins?email=late@admins-c-it.example", "")
                        .status());
        String late = smtp.await(3, WAIT).get(2).actionTokenLink();
        Thread.sleep(3000);
        driver.open(late);
        driver.waiting()
                .until(d -> d.getPageSource().toLowerCase(java.util.Locale.ROOT).contains("expired"));

        // Deleting an invitation never accepted deletes the user it created.
        OidcClient.Response removed = http.delete("/" + c + "/admins/late@admins-c-it.example");
        assertEquals(200, removed.status(), removed.body());
        assertTrue(admin.realm(c)
                .users()
                .searchByEmail("late@admins-c-it.example", true)
                .isEmpty());
        assertEquals(1, http.get("/" + c + "/admins").json().get("total").asInt());
    }

    private static void assertError(int status, String code, OidcClient.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals(code, response.field("error"), response.body());
    }

    private static OidcClient.Response send(BearerHttp caller, Call call) {
        return switch (call.method()) {
            case "GET" -> caller.get(call.url());
            case "POST" -> caller.post(call.url(), call.body());
            case "PUT" -> caller.put(call.url(), call.body());
            case "DELETE" -> caller.delete(call.url());
            default -> throw new IllegalArgumentException(call.method());
        };
    }
}
