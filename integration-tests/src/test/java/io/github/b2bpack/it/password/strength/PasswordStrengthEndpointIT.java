package io.github.b2bpack.it.password.strength;

import static io.github.b2bpack.it.password.strength.StrengthHttp.json;
import static io.github.b2bpack.it.password.strength.StrengthHttp.strengthCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import io.github.b2bpack.testsupport.FakePorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * {@code POST /realms/{realm}/password-strength} in a running Keycloak: the Stytch-shaped answer
 * judged by the realm's own policy, user data and languages, malformed and oversized bodies, hostile
 * passwords, the per-IP rate limit, and no test password in the server log.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordStrengthEndpointIT {

    private static final String ZXCVBN_REALM = "strength-zxcvbn";
    private static final String LUDS_REALM = "strength-luds";
    private static final String STRONG = "violet-kettle-harbor-91";
    /** Score 3 alone, 1 once the email's domain label counts. */
    private static final String BRIGHTWATER = "Brightwater2026";

    @InjectAdminClient
    Keycloak admin;

    @BeforeEach
    void createRealms() {
        admin.realms().create(realm(ZXCVBN_REALM, "zxcvbn(3)"));
        admin.realms().create(realm(LUDS_REALM, "length(30) and digits(1)"));
    }

    @AfterEach
    void dropRealms() {
        admin.realm(ZXCVBN_REALM).remove();
        admin.realm(LUDS_REALM).remove();
    }

    @Test
    void answersLikeStytchsStrengthCheckAgainstTheRealmsPolicy() throws Exception {
        JsonNode weak = ok(strengthCheck(ZXCVBN_REALM, "{\"password\":\"password\"}", null));
        assertFalse(weak.get("valid_password").asBoolean());
        assertEquals(0, weak.get("score").asInt());
        assertEquals("zxcvbn", weak.get("strength_policy").asText());
        assertFalse(weak.get("breached_password").asBoolean());
        assertEquals(
                "This is a top-10 common password.",
                weak.at("/feedback/warning").asText());
        assertTrue(weak.at("/feedback/suggestions").size() > 0);
        assertEquals(
                "b2bpackPasswordTooWeak", weak.at("/policy_error/message_key").asText());
        assertTrue(weak.at("/policy_error/message").asText().startsWith("Password is too weak"), weak.toString());

        JsonNode strong = ok(strengthCheck(ZXCVBN_REALM, "{\"password\":" + json(STRONG) + "}", null));
        assertTrue(strong.get("valid_password").asBoolean());
        assertEquals(4, strong.get("score").asInt());
        assertEquals("", strong.at("/feedback/warning").asText());
        assertEquals(0, strong.at("/feedback/suggestions").size());
        assertTrue(strong.get("policy_error").isNull());

        JsonNode alone = ok(strengthCheck(ZXCVBN_REALM, "{\"password\":" + json(BRIGHTWATER) + "}", null));
        assertEquals(3, alone.get("score").asInt());
        assertTrue(alone.get("valid_password").asBoolean());
        JsonNode withEmail = ok(strengthCheck(
                ZXCVBN_REALM,
                "{\"password\":" + json(BRIGHTWATER) + ",\"username\":\"jdoe\",\"email\":\"jdoe@brightwater.example\"}",
                null));
        assertTrue(withEmail.get("score").asInt() < 3, withEmail.toString());
        assertFalse(withEmail.get("valid_password").asBoolean());

        JsonNode luds = ok(strengthCheck(LUDS_REALM, "{\"password\":" + json(STRONG) + "}", null));
        assertEquals("luds", luds.get("strength_policy").asText());
        assertEquals(4, luds.get("score").asInt());
        assertFalse(luds.get("valid_password").asBoolean());
        assertEquals(
                "invalidPasswordMinLengthMessage",
                luds.at("/policy_error/message_key").asText());
        assertTrue(luds.at("/policy_error/message").asText().contains("30"), luds.toString());

        OidcClient.Response policy = OidcClient.send(HttpRequest.newBuilder(
                        URI.create(StrengthHttp.SERVER + "/realms/" + ZXCVBN_REALM + "/password-strength/policy"))
                .GET()
                .build());
        assertEquals(200, policy.status(), policy.body());
        assertEquals(3, policy.json().get("min_score").asInt());

        StrengthHttp.assertServerLogHoldsNone(List.of(STRONG, BRIGHTWATER));
    }

    @Test
    void breachedPasswordsAreReportedWhenTheRealmUsesTheHibpPolicy() {
        String breachRealm = "strength-hibp";
        String breached = "Qv7-Breached-Kettle-Harbor";
        admin.realms().create(realm(breachRealm, "length(40) and hibp(3)"));
        try (FakeHibpRangeApi hibp = new FakeHibpRangeApi(FakePorts.HIBP_RANGE_API)) {
            hibp.addPassword(breached, 1_000);
            // Both policies refuse it; whichever the policy manager asks first, the breach is reported.
            JsonNode answer = ok(strengthCheck(breachRealm, "{\"password\":" + json(breached) + "}", null));
            assertFalse(answer.get("valid_password").asBoolean());
            assertTrue(answer.get("breached_password").asBoolean(), answer.toString());

            JsonNode clean = ok(strengthCheck(breachRealm, "{\"password\":" + json(STRONG) + "}", null));
            assertFalse(clean.get("valid_password").asBoolean());
            assertFalse(clean.get("breached_password").asBoolean(), clean.toString());
            assertEquals(
                    "invalidPasswordMinLengthMessage",
                    clean.at("/policy_error/message_key").asText());
        } finally {
            admin.realm(breachRealm).remove();
        }
        JsonNode noHibp = ok(strengthCheck(ZXCVBN_REALM, "{\"password\":" + json(breached) + "}", null));
        assertFalse(noHibp.get("breached_password").asBoolean());
    }

    @Test
    void feedbackSpeaksTheCallersLanguage() {
        JsonNode fr = ok(strengthCheck(ZXCVBN_REALM, "{\"password\":\"password\"}", "fr"));
        assertEquals(
                "C'est l'un des 10 mots de passe les plus courants.",
                fr.at("/feedback/warning").asText());
        assertTrue(fr.at("/policy_error/message").asText().startsWith("Mot de passe trop faible"), fr.toString());

        JsonNode de = ok(strengthCheck(ZXCVBN_REALM, "{\"password\":\"password\"}", "de-DE,de;q=0.9"));
        assertTrue(de.at("/feedback/warning").asText().contains("Passw"), de.toString());
        assertTrue(de.at("/policy_error/message").asText().startsWith("Passwort zu schwach"), de.toString());
    }

    @Test
    void badRequestsGetA4xxAndHostilePasswordsAnAnswer() throws Exception {
        for (String body : List.of(
                "",
                "{",
                "not json",
                "[]",
                "\"password\"",
                "{}",
                "{\"password\":42}",
                "{\"password\":null}",
                "{\"password\":\"x\",\"email\":[\"a\"]}",
                "{\"password\":{\"nested\":true}}")) {
            OidcClient.Response answer = strengthCheck(ZXCVBN_REALM, body, null);
            assertEquals(400, answer.status(), body + " -> " + answer.body());
            assertEquals("invalid_request", answer.field("error"));
            assertNotNull(answer.field("error_description"));
        }
        OidcClient.Response quoted = strengthCheck(ZXCVBN_REALM, "{\"password\":\"Qv7-never-echoed\" trailing", null);
        assertEquals(400, quoted.status());
        assertFalse(quoted.body().contains("Qv7-never-echoed"), quoted.body());

        OidcClient.Response huge = strengthCheck(ZXCVBN_REALM, "{\"password\":\"" + "a".repeat(1 << 20) + "\"}", null);
        assertEquals(413, huge.status(), huge.status() + "");
        assertEquals("request_too_large", huge.field("error"));

        for (String password : List.of(
                "",
                "\u0000",
                "\ud800",
                "a\udc00b",
                "\u200f\u202eQv7-rtl\u202c",
                "\ud83d\ude00\ud83d\udd11",
                "4@8({[<3691!|70$5+%2".repeat(40))) {
            OidcClient.Response answer = strengthCheck(ZXCVBN_REALM, "{\"password\":" + json(password) + "}", null);
            assertEquals(200, answer.status(), answer.body());
            int score = answer.json().get("score").asInt();
            assertTrue(score >= 0 && score <= 4);
        }
        StrengthHttp.assertServerLogHoldsNone(List.of("Qv7-never-echoed", "Qv7-rtl", "Qv7-Breached-Kettle-Harbor"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it spends this IP's budget (and waits for the window to reset)
    void eachClientIpIsRateLimitedAndTheWindowResets() {
        // The test server allows 40 checks per 10-second window (server-options/password-strength.properties).
        int sent = 0;
        OidcClient.Response answer = null;
        while (sent < 100) {
            answer = strengthCheck(ZXCVBN_REALM, "{\"password\":\"x\"}", null);
            sent++;
            if (answer.status() == 429) {
                break;
            }
            assertEquals(200, answer.status(), answer.body());
        }
        assertEquals(429, answer.status(), "no 429 after " + sent + " requests");
        assertEquals("too_many_requests", answer.field("error"));
        assertTrue(sent > 1);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int status = 429;
        while (status == 429 && Instant.now().isBefore(deadline)) {
            status = strengthCheck(ZXCVBN_REALM, "{\"password\":\"x\"}", null).status();
            if (status == 429) {
                pause();
            }
        }
        assertEquals(200, status, "the window never reset");
    }

    private static JsonNode ok(OidcClient.Response answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static RealmRepresentation realm(String name, String policy) {
        RealmRepresentation realm = Fixtures.localizedRealm(name, "en", "fr", "de");
        realm.setPasswordPolicy(policy);
        return realm;
    }

    /** Polling interval while waiting for the rate-limit window to end (bounded by the deadline above). */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
