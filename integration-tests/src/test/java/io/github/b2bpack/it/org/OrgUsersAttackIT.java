package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.SmtpSink;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Attacks from a review of the users and administrators API (docs/security.md records each): an invitation
 * to an address whose account never verified it, an organization administrator reaching a realm
 * administrator, parallel metadata-key declarations and the cap, and an accept sent together with a decline.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgUsersAttackIT extends OrgItBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    private SmtpSink smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new SmtpSink();
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    /**
     * A plain user sets its own email to the address of the organization's IT admin (never verified); an
     * invitation of that address would hand the administrator roles to that user's account. And a realm
     * administrator of the organization's realm is out of the organization API's reach.
     */
    @Test
    void anUnverifiedAccountOrARealmAdministratorIsNeverTakenOver() {
        String slug = OrgFixtures.createOrg(http, "Org IT Attack A", "attack-a-it.example");
        OrgFixtures.prepareRealm(admin, slug);
        useSmtp(slug, smtp.port());
        OidcClient.Response squatter = http.post(
                "/" + slug + "/users", "{\"email\":\"it-admin@attack-a-it.example\",\"email_verified\":false}");
        assertEquals(201, squatter.status(), squatter.body());
        assertError(
                409, "email_not_verified", http.post("/" + slug + "/admins?email=it-admin@attack-a-it.example", ""));
        assertTrue(smtp.mails().isEmpty(), "no invitation mailed");

        String boss = OrgFixtures.createUser(admin, slug, "boss@attack-a-it.example", "boss@attack-a-it.example");
        ClientRepresentation management =
                admin.realm(slug).clients().findByClientId("realm-management").get(0);
        admin.realm(slug)
                .users()
                .get(boss)
                .roles()
                .clientLevel(management.getId())
                .add(List.of(admin.realm(slug)
                        .clients()
                        .get(management.getId())
                        .roles()
                        .get("realm-admin")
                        .toRepresentation()));
        assertError(
                409,
                "user_has_other_admin_roles",
                http.post("/" + slug + "/admins?email=boss@attack-a-it.example", ""));
        assertError(
                409,
                "user_has_other_admin_roles",
                http.put("/" + slug + "/users/" + boss, "{\"email\":\"mine@attack-a-it.example\"}"));
        assertError(409, "user_has_other_admin_roles", http.delete("/" + slug + "/users/" + boss));
        assertEquals(
                "boss@attack-a-it.example",
                admin.realm(slug).users().get(boss).toRepresentation().getEmail());
    }

    /** Eight parallel declarations all stay; parallel ones past the cap never exceed it. */
    @Test
    void parallelMetakeyDeclarationsAreAllKeptAndTheCapHolds() throws Exception {
        String slug = OrgFixtures.createOrg(http, "Org IT Attack B", "attack-b-it.example");
        List<OidcClient.Response> answers =
                parallel(8, i -> http.post("/" + slug + "/metakeys", "{\"key\":\"p" + i + "\"}"));
        answers.forEach(r -> assertEquals(201, r.status(), r.body()));
        TreeSet<String> keys = new TreeSet<>();
        http.get("/" + slug + "/metakeys")
                .json()
                .forEach(k -> keys.add(k.get("key").asText()));
        assertEquals(new TreeSet<>(List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7")), keys);

        for (int i = 8; i < 46; i++) {
            assertEquals(
                    201,
                    http.post("/" + slug + "/metakeys", "{\"key\":\"p" + i + "\"}")
                            .status());
        }
        List<OidcClient.Response> last =
                parallel(8, i -> http.post("/" + slug + "/metakeys", "{\"key\":\"q" + i + "\"}"));
        long created = last.stream().filter(r -> r.status() == 201).count();
        long refused = last.stream()
                .filter(r -> r.status() == 400 && "too_many_metakeys".equals(r.field("error")))
                .count();
        assertEquals(4, created, last.toString());
        assertEquals(4, refused, last.toString());
        assertEquals(50, http.get("/" + slug + "/metakeys").json().size());
    }

    /** The two links of one choice page sent at once: exactly one answer wins, the other gets the answered page. */
    @Test
    void anAcceptAndADeclineSentAtOnceAreNeverBothTaken() throws Exception {
        String slug = OrgFixtures.createOrg(http, "Org IT Attack C", "attack-c-it.example");
        OrgFixtures.prepareRealm(admin, slug);
        useSmtp(slug, smtp.port());
        for (int round = 0; round < 4; round++) {
            String email = "race" + round + "@attack-c-it.example";
            OidcClient.Response invited = http.post("/" + slug + "/admins?email=" + email, "");
            assertEquals(201, invited.status(), invited.body());
            String link = smtp.await(round + 1, WAIT).get(round).actionTokenLink();
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String page = get(browser, link).body();
            String accept = href(page, "b2bpack-admin-invitation-accept");
            String decline = href(page, "b2bpack-admin-invitation-decline");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<HttpResponse<String>> a = pool.submit(() -> {
                    start.await();
                    return get(browser, accept);
                });
                Future<HttpResponse<String>> d = pool.submit(() -> {
                    start.await();
                    return get(browser, decline);
                });
                start.countDown();
                HttpResponse<String> accepted = a.get();
                HttpResponse<String> declined = d.get();
                boolean acceptWon =
                        accepted.statusCode() == 302 || accepted.body().contains("You are now an administrator");
                boolean declineWon = declined.body().contains("You declined to administer");
                assertTrue(
                        acceptWon ^ declineWon,
                        accepted.statusCode() + " " + accepted.body() + "\n/\n" + declined.statusCode() + " "
                                + declined.body());
            } finally {
                pool.shutdownNow();
            }
            OidcClient.Response record = http.get("/" + slug + "/admins/" + email);
            boolean acceptedAt = !record.json().get("accepted_invitation_at").isNull();
            boolean declinedAt =
                    !record.json().get("declined_to_be_in_charge_at").isNull();
            assertTrue(acceptedAt ^ declinedAt, record.body());
        }
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String href(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"\\s+href=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no " + id + " link on the page:\n" + page);
        }
        return m.group(1).replace("&amp;", "&");
    }

    private interface Indexed<T> {
        T call(int i) throws Exception;
    }

    private static <T> List<T> parallel(int n, Indexed<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return work.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void useSmtp(String realm, int port) {
        RealmRepresentation rep = admin.realm(realm).toRepresentation();
        rep.setSmtpServer(Map.of(
                "host", "127.0.0.1",
                "port", Integer.toString(port),
                "from", "noreply@org-it.example",
                "auth", "false",
                "ssl", "false",
                "starttls", "false"));
        admin.realm(realm).update(rep);
    }

    private static void assertError(int status, String code, OidcClient.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals(code, response.field("error"), response.body());
    }
}
