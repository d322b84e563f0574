package io.github.b2bpack.it.hibp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The anonymous strength endpoint ({@code POST /realms/{realm}/password-strength}, module
 * password-policy-provider) runs the realm's {@code hibp} policy, so without a bound every request with a
 * new password made the server ask the range API for a new prefix: an HIBP proxy for anyone. The
 * server-wide upstream budget ({@code upstream-max-requests} per {@code upstream-window-seconds},
 * server-options/hibp-policy.properties: 10 per 10 s) caps the range API requests whoever the caller is;
 * past it, answers come from the cache or say "unknown", never an error or a wait.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class HibpUpstreamBudgetIT extends HibpItBase {

    private static final String REALM = "hibp-budget";
    /** server-options/hibp-policy.properties: upstream-max-requests and upstream-window-seconds. */
    private static final int UPSTREAM_BUDGET = 10;

    private static final long WINDOW_SECONDS = 10;
    /** Under the strength endpoint's per-IP limit of 40 per 10 s (server-options/password-strength.properties). */
    private static final int ATTACK_REQUESTS = 30;

    @BeforeEach
    void createRealm() {
        RealmRepresentation realm = Fixtures.enabledRealm(REALM);
        realm.setPasswordPolicy("hibp(1)");
        admin.realms().create(realm);
    }

    @AfterEach
    void dropRealmAndRefillBudget() throws InterruptedException {
        admin.realm(REALM).remove();
        // The bucket refills within one window: later tests (and the strength endpoint's per-IP window) start full.
        Thread.sleep(Duration.ofSeconds(WINDOW_SECONDS + 1).toMillis());
    }

    @Test
    void anonymousStrengthChecksCannotTurnTheServerIntoAnHibpProxy() throws Exception {
        String breached = password("budget-breached");
        fake.addPassword(breached, 42);
        assertEquals("breached", strengthCheck(breached).breach(), "first check of a listed password");
        int beforeAttack = fake.requests().size();

        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < ATTACK_REQUESTS; i++) {
            passwords.add(password("budget-" + i));
        }
        long started = System.nanoTime();
        List<Answer> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (String password : passwords) {
                futures.add(pool.submit(() -> strengthCheck(password)));
            }
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;
        int upstream = fake.requests().size() - beforeAttack;
        long unknown =
                answers.stream().filter(a -> "unknown".equals(a.breach())).count();
        System.out.printf(
                "HIBP upstream budget: %d anonymous strength checks with new passwords in %.1f s -> %d range API requests, "
                        + "%d answers 'unknown', statuses %s%n",
                ATTACK_REQUESTS,
                elapsedSeconds,
                upstream,
                unknown,
                answers.stream().map(Answer::status).distinct().toList());

        for (Answer answer : answers) {
            assertEquals(200, answer.status(), answer.body()); // never a 429 here, a 500 or a hang
        }
        // Token bucket: a full burst of BUDGET, then BUDGET per window; the attack lasts a few seconds.
        long refilled = (long) Math.ceil(UPSTREAM_BUDGET * elapsedSeconds / WINDOW_SECONDS);
        assertTrue(
                upstream <= UPSTREAM_BUDGET + refilled,
                upstream + " range API requests for " + ATTACK_REQUESTS + " checks");
        assertEquals(ATTACK_REQUESTS - upstream, unknown, "every check that was not asked upstream says unknown");

        // The budget is spent, but a prefix already in the cache is still answered from it.
        assertEquals("breached", strengthCheck(breached).breach());
    }

    private static String password(String label) {
        String password = HibpRealms.freshPassword(label);
        USED_PASSWORDS.add(password);
        return password;
    }

    private record Answer(int status, String body, String breach) {}

    /** One anonymous check; {@code breach} is the answer's breach_check, or "breached"/"clean" from breached_password. */
    private static Answer strengthCheck(String password) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(HibpRealms.SERVER + "/realms/" + REALM + "/password-strength"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"password\":\"" + password + "\"}", StandardCharsets.UTF_8))
                .build();
        OidcClient.Response response = OidcClient.send(request);
        if (response.status() != 200) {
            return new Answer(response.status(), response.body(), null);
        }
        var json = response.json();
        String breach = json.hasNonNull("breach_check")
                ? json.get("breach_check").asText()
                : json.get("breached_password").asBoolean() ? "breached" : "clean";
        return new Answer(response.status(), response.body(), breach);
    }
}
