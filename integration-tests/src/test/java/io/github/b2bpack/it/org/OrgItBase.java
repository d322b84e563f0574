package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.b2bpack.it.support.OidcClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;

/**
 * What every organization IT needs: the admin client, the organization API called as the admin, and every
 * organization ({@code org-it-} slugs) and user of master a test made deleted after it. The test framework injects
 * into the inherited field.
 */
abstract class OrgItBase {

    @InjectAdminClient
    Keycloak admin;

    /** The organization API with the admin's token. */
    OrgHttp http;

    private final List<String> masterUsers = new ArrayList<>();

    @BeforeEach
    void openOrganizationApi() {
        http = OrgFixtures.adminHttp(admin);
    }

    @AfterEach
    void deleteTestOrganizationsAndUsers() {
        masterUsers.forEach(id -> admin.realm("master").users().get(id).remove());
        masterUsers.clear();
        OrgFixtures.deleteTestOrgs(http);
    }

    /** A user {@code username@authz-users.example} of master with the test password, removed after the test. */
    String masterUser(String username) {
        String id = OrgFixtures.createUser(admin, "master", username, username + "@authz-users.example");
        masterUsers.add(id);
        return id;
    }

    /** {@code PUT /orgs/{slug}} with {@code json} as the admin, failing unless it answers {@code expected}. */
    void assertPut(int expected, String slug, String json) {
        OidcClient.Response response = http.put("/" + slug, json);
        assertEquals(expected, response.status(), response.body());
    }

    /** The slug of the organization discovery finds for {@code encodedEmail} (for example {@code a%40b.example}). */
    String discovered(String encodedEmail) {
        return http.get("/discovery?email=" + encodedEmail).json().get("domain").asText();
    }
}
