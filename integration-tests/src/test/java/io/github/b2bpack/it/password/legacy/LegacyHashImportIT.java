package io.github.b2bpack.it.password.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.password.legacy.LegacyHashes.LegacyCredential;
import io.github.b2bpack.it.support.BrowserItBase;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.ServerMetrics;
import io.github.b2bpack.it.support.Users;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Legacy hashes imported through the standard admin REST API (and a partial realm import) log in at
 * the token endpoint with the old password and leave with the realm's policy algorithm
 * ({@code argon2-native}); the legacy hash is gone.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class LegacyHashImportIT extends BrowserItBase {

    private static final String REALM = "legacy-hash-import";
    private static final String CLIENT = "legacy-cli";
    private static final String WEB_CLIENT = "legacy-web";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the realm's policy asks for, and so what every legacy credential becomes at login. */
    private static final String TARGET_ALGORITHM = "argon2-native";

    /** The realm is created once per run and lives as long as the (in-memory) server. */
    private static boolean realmCreated;

    /** Every password and stored hash used here; none may reach the server log. */
    private static final List<String> SECRETS = new ArrayList<>();

    private final OidcClient oidc = new OidcClient(Fixtures.realmUrl(REALM));

    @BeforeEach
    void realmWithUpgradePolicy() {
        if (realmCreated) {
            return;
        }
        admin.realms().create(upgradingRealm(REALM));
        ClientRepresentation client = Fixtures.publicDirectGrantClient(CLIENT);
        client.setStandardFlowEnabled(false);
        admin.realm(REALM).clients().create(client).close();
        admin.realm(REALM)
                .clients()
                .create(Fixtures.browserClient(WEB_CLIENT, REALM))
                .close();
        realmCreated = true;
    }

    static List<LegacyCredential> legacyCredentials() {
        return LegacyHashes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyCredentials")
    void importedHashIsUpgradedAtFirstLogin(LegacyCredential legacy) throws IOException {
        String username = username(legacy);
        String userId = createUser(username, legacy);
        CredentialRepresentation imported = onlyPasswordCredential(userId);
        assertEquals(legacy.algorithm(), algorithmOf(imported));

        OidcClient.Response wrong = oidc.passwordGrant(CLIENT, username, legacy.password() + "-wrong");
        // Keycloak 26.7 answers a failed password grant with 400 invalid_grant (RFC 6749 section 5.2).
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("invalid_grant", wrong.field("error"));
        CredentialRepresentation afterWrong = onlyPasswordCredential(userId);
        assertEquals(imported.getId(), afterWrong.getId());
        assertEquals(
                imported.getCredentialData(),
                afterWrong.getCredentialData(),
                "a failed login must leave the legacy credential alone");

        OidcClient.Response login = oidc.passwordGrant(CLIENT, username, legacy.password());
        assertEquals(200, login.status(), login.body());
        assertNotNull(login.field("access_token"));

        CredentialRepresentation upgraded = onlyPasswordCredential(userId);
        assertEquals(imported.getId(), upgraded.getId(), "re-hashed in place, not added beside");
        assertEquals(TARGET_ALGORITHM, algorithmOf(upgraded), "the legacy hash is replaced by the realm's algorithm");
        assertFalse(upgraded.getCredentialData().contains("saltPosition"));

        // The new hash verifies with the target provider; the legacy one would no longer be asked.
        OidcClient.Response again = oidc.passwordGrant(CLIENT, username, legacy.password());
        assertEquals(200, again.status(), again.body());
        assertEquals(
                400,
                oidc.passwordGrant(CLIENT, username, legacy.password() + "-wrong")
                        .status());
    }

    @Test
    void legacyUserLogsInThroughTheLoginPageInChromium() throws IOException {
        LegacyCredential legacy = LegacyHashes.bcrypt("2y", "Browser-Login-Bcrypt-6");
        String userId = createUser("browser-bcrypt", legacy);
        signIn(REALM, WEB_CLIENT, "browser-bcrypt", "Browser-Login-Bcrypt-6-wrong");
        assertTrue(
                loginPage.getUsernameInputError().contains("Invalid username or password"),
                loginPage.getUsernameInputError());
        assertEquals("bcrypt", algorithmOf(onlyPasswordCredential(userId)));

        loginPage.fillLogin("browser-bcrypt", legacy.password());
        loginPage.submit();
        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        assertEquals(TARGET_ALGORITHM, algorithmOf(onlyPasswordCredential(userId)));
    }

    @Test
    void partialRealmImportWithSaltedSha1IsUpgradedToo() throws IOException {
        LegacyCredential legacy =
                LegacyHashes.digest("sha1 via partial import", "sha1", "SHA-1", "Partial-Import-Sha1-5", "after", true);
        UserRepresentation user = user("partial-import-sha1", legacy);
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setIfResourceExists("FAIL");
        partial.setUsers(List.of(user));
        try (Response response = admin.realm(REALM).partialImport(partial)) {
            assertEquals(200, response.getStatus());
        }
        String userId = admin.realm(REALM)
                .users()
                .searchByUsername("partial-import-sha1", true)
                .get(0)
                .getId();
        assertEquals("sha1", algorithmOf(onlyPasswordCredential(userId)));
        assertLoginUpgrades("partial-import-sha1", userId, legacy.password());
    }

    @Test
    void wholeRealmImportWithLegacyUsersUpgradesThemAtLogin() throws IOException {
        String realmName = "legacy-hash-realm-import";
        LegacyCredential argon2 = LegacyHashes.argon2("argon2id", Argon2Parameters.ARGON2_id, "Realm-Import-Argon2-11");
        LegacyCredential bcrypt = LegacyHashes.bcrypt("2a", "Realm-Import-Bcrypt-12");
        SECRETS.addAll(List.of(argon2.password(), argon2.value(), bcrypt.password(), bcrypt.value()));
        RealmRepresentation realm = upgradingRealm(realmName);
        realm.setClients(List.of(Fixtures.publicDirectGrantClient(CLIENT)));
        realm.setUsers(List.of(user("imported-argon2", argon2), user("imported-bcrypt", bcrypt)));
        admin.realms().create(realm);
        try {
            OidcClient realmOidc = new OidcClient(Fixtures.realmUrl(realmName));
            for (Map.Entry<String, LegacyCredential> entry :
                    Map.of("imported-argon2", argon2, "imported-bcrypt", bcrypt).entrySet()) {
                String userId = admin.realm(realmName)
                        .users()
                        .searchByUsername(entry.getKey(), true)
                        .get(0)
                        .getId();
                List<CredentialRepresentation> before =
                        admin.realm(realmName).users().get(userId).credentials();
                assertEquals(entry.getValue().algorithm(), algorithmOf(before.get(0)));
                assertEquals(
                        200,
                        realmOidc
                                .passwordGrant(
                                        CLIENT, entry.getKey(), entry.getValue().password())
                                .status());
                List<CredentialRepresentation> after =
                        admin.realm(realmName).users().get(userId).credentials();
                assertEquals(1, after.size());
                assertEquals(TARGET_ALGORITHM, algorithmOf(after.get(0)));
            }
        } finally {
            admin.realm(realmName).remove();
        }
    }

    @Test
    void hostileOrMalformedImportsFailTheLoginCleanlyAndStayUnchanged() throws IOException {
        List<LegacyCredential> hostile = List.of(
                LegacyHashes.phc(
                        "argon2 m=4GiB",
                        "argon2-phc",
                        "Hostile-Argon2-Pass-1",
                        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"),
                LegacyHashes.phc(
                        "scrypt N=2^30",
                        "scrypt",
                        "Hostile-Scrypt-Pass-2",
                        "$scrypt$ln=30,r=8,p=1$c2FsdHNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"),
                LegacyHashes.phc(
                        "bcrypt cost 31",
                        "bcrypt",
                        "Hostile-Bcrypt-Pass-3",
                        "$2b$31$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"),
                LegacyHashes.phc(
                        "bcrypt truncated",
                        "bcrypt",
                        "Malformed-Bcrypt-Pass-4",
                        "$2b$10$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf"),
                LegacyHashes.phc("md5 not hex", "md5", "Malformed-Md5-Pass-5", "zz0150983cd24fb0d6963f7d28e17f72"),
                new LegacyCredential(
                        "sha1 salt without position",
                        "sha1",
                        "Malformed-Sha1-Pass-6",
                        "a9993e364706816aba3e25717850c26c9cd0d89d",
                        "c2FsdA==",
                        Map.of()),
                new LegacyCredential(
                        "md5 unknown position",
                        "md5",
                        "Malformed-Md5-Pass-7",
                        "900150983cd24fb0d6963f7d28e17f72",
                        "c2FsdA==",
                        Map.of("saltPosition", List.of("middle"))));
        List<String> secrets = new ArrayList<>();
        for (LegacyCredential legacy : hostile) {
            String username = username(legacy);
            String userId = createUser(username, legacy);
            CredentialRepresentation before = onlyPasswordCredential(userId);
            long start = System.nanoTime();
            OidcClient.Response login = oidc.passwordGrant(CLIENT, username, legacy.password());
            assertEquals(400, login.status(), legacy.name() + ": " + login.body());
            assertEquals("invalid_grant", login.field("error"));
            assertTrue(System.nanoTime() - start < 20_000_000_000L, legacy.name() + " must be refused, not computed");
            assertEquals(
                    before.getCredentialData(), onlyPasswordCredential(userId).getCredentialData());
            secrets.add(legacy.password());
            secrets.add(legacy.value());
        }
        assertNothingLogged(secrets);
    }

    @Test
    void hostilePasswordsAgainstALegacyHashGetAClientErrorAndChangeNothing() throws IOException {
        LegacyCredential legacy = LegacyHashes.scrypt("Hostile-Input-Target-8");
        String userId = createUser("hostile-passwords", legacy);
        CredentialRepresentation before = onlyPasswordCredential(userId);
        List<String> hostile =
                List.of("", "a".repeat(1 << 20), "\u0000", "pw\u0000tail", "\uD800", "\u202Eevil\u202C", "🔑🙂👍🏽");
        for (String password : hostile) {
            OidcClient.Response login = oidc.passwordGrant(CLIENT, "hostile-passwords", password);
            assertTrue(login.status() >= 400 && login.status() < 500, login.status() + ": " + login.body());
        }
        assertEquals(before.getCredentialData(), onlyPasswordCredential(userId).getCredentialData());
        assertLoginUpgrades("hostile-passwords", userId, legacy.password());
    }

    @Test
    void metricsCountMatchesMismatchesAndRejectedImports() throws IOException {
        double matches = legacyVerifications("md5", "match");
        double mismatches = legacyVerifications("md5", "mismatch");
        double rejected = legacyVerifications("md5", "rejected");
        LegacyCredential legacy =
                LegacyHashes.digest("md5 for metrics", "md5", "MD5", "Metrics-Md5-Pass-9", "after", true);
        createUser("metrics-md5", legacy);
        assertEquals(
                400,
                oidc.passwordGrant(CLIENT, "metrics-md5", "Metrics-Md5-Pass-9-wrong")
                        .status());
        assertEquals(
                200,
                oidc.passwordGrant(CLIENT, "metrics-md5", legacy.password()).status());
        createUser("metrics-md5-broken", LegacyHashes.phc("md5 broken", "md5", "Metrics-Md5-Pass-10", "not-a-digest"));
        assertEquals(
                400,
                oidc.passwordGrant(CLIENT, "metrics-md5-broken", "Metrics-Md5-Pass-10")
                        .status());
        assertEquals(matches + 1, legacyVerifications("md5", "match"));
        assertEquals(mismatches + 1, legacyVerifications("md5", "mismatch"));
        assertEquals(rejected + 1, legacyVerifications("md5", "rejected"));
    }

    /** {@code b2bpack_password_legacy_verifications_total{algorithm, outcome}} from the management interface. */
    private static double legacyVerifications(String algorithm, String outcome) {
        Matcher m = Pattern.compile(
                        "^b2bpack_password_legacy_verifications_total\\{algorithm=\"" + algorithm + "\",outcome=\""
                                + outcome + "\"[^}]*} ([0-9.eE+]+)$",
                        Pattern.MULTILINE)
                .matcher(ServerMetrics.text());
        assertTrue(m.find(), "legacy verification counter missing from /metrics");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aLegacyAlgorithmCannotBeChosenForNewPasswords() {
        String realmName = "legacy-hash-encode";
        RealmRepresentation realm = Fixtures.enabledRealm(realmName);
        realm.setPasswordPolicy("hashAlgorithm(bcrypt)");
        admin.realms().create(realm);
        try {
            UserRepresentation user = new UserRepresentation();
            user.setUsername("new-password");
            user.setEnabled(true);
            String userId;
            try (Response created = admin.realm(realmName).users().create(user)) {
                userId = CreatedResponseUtil.getCreatedId(created);
            }
            CredentialRepresentation password = Fixtures.password("Refused-New-Password-9");
            BadRequestException refused = assertThrows(
                    BadRequestException.class,
                    () -> admin.realm(realmName).users().get(userId).resetPassword(password));
            String body = refused.getResponse().readEntity(String.class);
            assertTrue(body.contains("only verifies imported hashes"), body);
            assertTrue(admin.realm(realmName).users().get(userId).credentials().isEmpty());
        } finally {
            admin.realm(realmName).remove();
        }
    }

    @AfterAll
    static void noPasswordOrHashReachedTheServerLog() throws IOException {
        assertNothingLogged(SECRETS);
    }

    private static void assertNothingLogged(List<String> secrets) throws IOException {
        String text = ServerLog.read();
        for (String secret : secrets) {
            if (secret.length() < 12) {
                continue; // "abc" or "password" appear in ordinary log lines; the generated ones are long
            }
            assertFalse(text.contains(secret), "a password or stored hash reached the server log");
        }
        assertTrue(text.contains("cannot be verified"), "the refusal is logged, without the hash");
    }

    /** The right password logs the user in, and the credential leaves with the realm's algorithm. */
    private void assertLoginUpgrades(String username, String userId, String password) throws IOException {
        assertEquals(200, oidc.passwordGrant(CLIENT, username, password).status());
        assertEquals(TARGET_ALGORITHM, algorithmOf(onlyPasswordCredential(userId)));
    }

    /** An enabled realm whose policy re-hashes every password with {@link #TARGET_ALGORITHM}. */
    private static RealmRepresentation upgradingRealm(String name) {
        RealmRepresentation realm = Fixtures.enabledRealm(name);
        realm.setPasswordPolicy("hashAlgorithm(" + TARGET_ALGORITHM + ")");
        return realm;
    }

    private String createUser(String username, LegacyCredential legacy) throws IOException {
        SECRETS.add(legacy.password());
        SECRETS.add(legacy.value());
        return Users.create(admin, REALM, user(username, legacy));
    }

    /** The user as an operator imports it: the standard representation with hashed credentials. */
    private static UserRepresentation user(String username, LegacyCredential legacy) throws IOException {
        Map<String, Object> credentialData = new LinkedHashMap<>();
        credentialData.put("algorithm", legacy.algorithm());
        credentialData.put("hashIterations", 0);
        if (!legacy.additionalParameters().isEmpty()) {
            credentialData.put("additionalParameters", legacy.additionalParameters());
        }
        Map<String, Object> secretData = new LinkedHashMap<>();
        secretData.put("value", legacy.value());
        if (legacy.saltBase64() != null) {
            secretData.put("salt", legacy.saltBase64());
        }
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setCredentialData(JSON.writeValueAsString(credentialData));
        credential.setSecretData(JSON.writeValueAsString(secretData));
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@legacy.example");
        user.setEmailVerified(true);
        user.setFirstName("Legacy");
        user.setLastName("User");
        user.setCredentials(List.of(credential));
        return user;
    }

    private CredentialRepresentation onlyPasswordCredential(String userId) {
        return Users.passwordCredential(admin, REALM, userId);
    }

    private static String algorithmOf(CredentialRepresentation credential) throws IOException {
        JsonNode data = JSON.readTree(credential.getCredentialData());
        return data.path("algorithm").asText();
    }

    private static String username(LegacyCredential legacy) {
        return legacy.name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
