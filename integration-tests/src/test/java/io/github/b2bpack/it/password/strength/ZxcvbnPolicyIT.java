package io.github.b2bpack.it.password.strength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The {@code zxcvbn} password policy in a running Keycloak, through the admin REST API: weak and
 * user-data passwords refused with zxcvbn's feedback in the 400, strong ones accepted and usable
 * at the token endpoint, the minimum score validated, hostile passwords never a 500, and no test
 * password in the server log.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class ZxcvbnPolicyIT {

    private static final String REALM = "zxcvbn-policy";
    private static final String CLIENT = "cli";
    private static final String STRONG = "violet-kettle-harbor-91";
    /** Strong for zxcvbn alone (score 4), weak once Alice's email domain counts (score 2). */
    private static final String ALICES_COMPANY = "Acme-Corp-2026";

    @InjectAdminClient
    Keycloak admin;

    private String aliceId;

    @BeforeEach
    void createRealmWithZxcvbnPolicy() {
        RealmRepresentation realm = Fixtures.localizedRealm(REALM, "en", "fr");
        realm.setPasswordPolicy("zxcvbn(3)");
        admin.realms().create(realm);

        admin.realm(REALM)
                .clients()
                .create(Fixtures.publicDirectGrantClient(CLIENT))
                .close();

        UserRepresentation alice = new UserRepresentation();
        alice.setUsername("alice");
        alice.setEmail("alice@acme-corp.example");
        alice.setFirstName("Alice");
        alice.setLastName("Martin");
        alice.setEmailVerified(true);
        alice.setEnabled(true);
        // Alice reads French; the admin's error must still be one language (the admin's: English).
        alice.setAttributes(java.util.Map.of("locale", List.of("fr")));
        aliceId = Users.create(admin, REALM, alice);
    }

    @AfterEach
    void dropRealm() {
        admin.realm(REALM).remove();
    }

    @Test
    void weakPasswordsAreRefusedWithZxcvbnFeedbackAndAStrongOneLogsIn() throws Exception {
        OidcClient.Response common = StrengthHttp.resetPassword(admin, REALM, aliceId, StrengthHttp.json("password"));
        assertEquals(400, common.status(), common.body());
        assertEquals("b2bpackPasswordTooWeak", common.field("error"), common.body());
        String description = common.field("error_description");
        assertTrue(description.startsWith("Password is too weak (strength 0 of 4, at least 3 required)."), description);
        assertTrue(description.contains("This is a top-10 common password."), description);

        OidcClient.Response ownData =
                StrengthHttp.resetPassword(admin, REALM, aliceId, StrengthHttp.json(ALICES_COMPANY));
        assertEquals(400, ownData.status(), ownData.body());
        assertTrue(ownData.field("error_description").contains("strength 2 of 4"), ownData.body());

        OidcClient.Response strong = StrengthHttp.resetPassword(admin, REALM, aliceId, StrengthHttp.json(STRONG));
        assertEquals(204, strong.status(), strong.body());
        OidcClient.Response tokens =
                new OidcClient(StrengthHttp.SERVER + "/realms/" + REALM).passwordGrant(CLIENT, "alice", STRONG);
        assertEquals(200, tokens.status(), tokens.body());

        StrengthHttp.assertServerLogHoldsNone(List.of(STRONG, ALICES_COMPANY));
    }

    @Test
    void theMinimumScoreMustBeZeroToFour() {
        RealmRepresentation realm = admin.realm(REALM).toRepresentation();
        for (String bad : List.of("zxcvbn(5)", "zxcvbn(-1)", "zxcvbn(three)", "zxcvbn(3.5)")) {
            realm.setPasswordPolicy(bad);
            assertThrows(BadRequestException.class, () -> admin.realm(REALM).update(realm), bad);
        }
        assertEquals("zxcvbn(3)", admin.realm(REALM).toRepresentation().getPasswordPolicy());

        realm.setPasswordPolicy("zxcvbn(0)");
        admin.realm(REALM).update(realm);
        OidcClient.Response anything = StrengthHttp.resetPassword(admin, REALM, aliceId, StrengthHttp.json("password"));
        assertEquals(204, anything.status(), anything.body());
    }

    @Test
    void hostilePasswordsGetAPolicyErrorOrSuccessNeverA500() throws Exception {
        Random random = new Random(3);
        StringBuilder megabyteOfLetters = new StringBuilder(1 << 20);
        while (megabyteOfLetters.length() < (1 << 20)) {
            megabyteOfLetters.append((char) ('a' + random.nextInt(26)));
        }
        List<String> hostile = new ArrayList<>(List.of(
                "a".repeat(1 << 20),
                megabyteOfLetters.toString(),
                "nul\u0000inside-Qv7#kettle",
                "\ud800",
                "lone\udc00surrogate-Qv7#harbor\ud800",
                "\u200f\u202emirrored-Qv7#violet\u202c",
                "\ud83d\ude00\ud83d\udd11\ud83c\udf0d-Qv7-emoji",
                "4@8({[<3691!|70$5+%2".repeat(3),
                " "));
        List<String> secrets = new ArrayList<>(List.of(
                "inside-Qv7#kettle",
                "surrogate-Qv7#harbor",
                "mirrored-Qv7#violet",
                "-Qv7-emoji",
                megabyteOfLetters.substring(0, 64)));
        for (String password : hostile) {
            OidcClient.Response answer = StrengthHttp.resetPassword(admin, REALM, aliceId, StrengthHttp.json(password));
            assertTrue(
                    answer.status() == 204 || answer.status() == 400,
                    "status " + answer.status() + " for a " + password.length() + "-char password: "
                            + cut(answer.body()));
            assertFalse(answer.body().contains("Exception"), cut(answer.body()));
        }
        StrengthHttp.assertServerLogHoldsNone(secrets);
    }

    private static String cut(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
