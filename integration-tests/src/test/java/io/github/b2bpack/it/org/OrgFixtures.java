package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.util.List;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;

/** Shared set-up of the organization ITs: organizations, clients and users in their realms, clean-up. */
final class OrgFixtures {

    /** Every organization a test creates has a name starting with this, so its slug starts with {@code org-it-}. */
    static final String PREFIX = "Org IT ";

    static final String PASSWORD = "Tq7#vLm9!pRz2@wXk-Quartz";

    private OrgFixtures() {}

    static OrgHttp adminHttp(Keycloak admin) {
        return new OrgHttp(() -> admin.tokenManager().getAccessTokenString());
    }

    /**
     * Creates an organization and returns its slug. Its email domains are verified by hand (the caller
     * must hold manage-realm on master, as the admin does), so discovery and the user rule apply to them
     * as before ownership checks; {@link #createPendingOrg} leaves them pending.
     */
    static String createOrg(OrgHttp http, String name, String... domains) {
        String slug = createPendingOrg(http, name, domains);
        for (String domain : domains) {
            verifyManually(http, slug, domain);
        }
        return slug;
    }

    /** Marks a claimed domain verified without DNS, as an operator may ({@code verified_by: manual}). */
    static void verifyManually(OrgHttp http, String slug, String domain) {
        OidcClient.Response verified = verify(http, slug, domain, "manual");
        assertEquals(200, verified.status(), verified.body());
    }

    /** {@code POST /orgs/{slug}/email-domains/{domain}/verify} with {@code {"method": method}}. */
    static OidcClient.Response verify(OrgHttp http, String slug, String domain, String method) {
        return http.post("/" + slug + "/email-domains/" + domain + "/verify", "{\"method\":\"" + method + "\"}");
    }

    /** Creates an organization whose email domains stay pending, and returns its slug. */
    static String createPendingOrg(OrgHttp http, String name, String... domains) {
        StringBuilder list = new StringBuilder();
        for (String d : domains) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(d).append('"');
        }
        OidcClient.Response created =
                http.post("", "{\"name\":\"" + name + "\",\"allowed_email_domains\":[" + list + "]}");
        assertEquals(201, created.status(), created.body());
        return created.field("domain");
    }

    /** Deletes every organization whose slug starts with {@code org-it-}, page by page. */
    static void deleteTestOrgs(OrgHttp http) {
        for (int guard = 0; guard < 20; guard++) {
            JsonNode data = http.get("?per_page=100").json().get("data");
            List<String> slugs = new java.util.ArrayList<>();
            data.forEach(o -> {
                if (o.get("domain").asText().startsWith("org-it-")) {
                    slugs.add(o.get("domain").asText());
                }
            });
            if (slugs.isEmpty()) {
                return;
            }
            slugs.forEach(s -> http.delete("/" + s));
        }
    }

    /**
     * Makes an organization realm usable by a test client: no password policy (the template's
     * zxcvbn/HIBP policies are the password modules' business), a public client with direct grant
     * and a redirect back into the realm, and optionally a user.
     */
    static void prepareRealm(Keycloak admin, String realm) {
        RealmRepresentation rep = admin.realm(realm).toRepresentation();
        rep.setPasswordPolicy("");
        admin.realm(realm).update(rep);
        admin.realm(realm)
                .clients()
                .create(Fixtures.browserAndDirectGrantClient("it-web", realm))
                .close();
    }

    /** A user with the test {@link #PASSWORD}; returns its id. */
    static String createUser(Keycloak admin, String realm, String username, String email) {
        return Users.create(admin, realm, Fixtures.userWithPassword(username, email, "Test", "User", PASSWORD));
    }

    /** A caller of the organization API with the token a user of master gets once from admin-cli, as a script would. */
    static OrgHttp callerOf(Keycloak admin, String userId) {
        String username =
                admin.realm("master").users().get(userId).toRepresentation().getUsername();
        String token = Users.adminCliToken("master", username, PASSWORD);
        return new OrgHttp(() -> token);
    }
}
