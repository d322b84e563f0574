package io.github.b2bpack.it.sms;

import static io.github.b2bpack.it.sms.SmsFlows.WAIT;
import static io.github.b2bpack.it.sms.SmsFlows.wrongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.HttpLoginSession;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * SMS budgets and code checks under real parallel HTTP requests: many login sessions of one user (each
 * its own cookie jar) fire their form posts at the same instant, and the fake gateway counts what was
 * really sent. Also: phone rules re-checked at send time for admin-created credentials.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsBudgetIT extends SmsItBase {

    @Test
    void twelveParallelEnrollmentSessionsOfOneUserSendOneSms() throws Exception {
        SmsTestRealm realm = realm("sms-budget-enroll", Map.of("sender", "http"), 0);
        String number = "+33612345701";
        List<HttpLoginSession> sessions = sessionsOn("phone", realm, Collections.nCopies(12, SmsTestRealm.USER));
        int sent = submitAtOnce(sessions, number);
        System.out.println("SMS-BUDGET: SMS sent by 12 parallel enrollment submissions of one user: " + sent);
        assertEquals(1, sent, "one user, 12 sessions at once: the cooldown lets exactly one SMS through");
    }

    @Test
    void perDestinationNumberCapHoldsAcrossUsersSubmittingAtOnce() throws Exception {
        SmsTestRealm realm = realm("sms-budget-number", Map.of("sender", "http"), 0);
        String number = "+33612345702";
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String user = "user" + i;
            UserRepresentation rep =
                    Fixtures.userWithPassword(user, user + "@example.com", "U", "Ser", SmsTestRealm.PASSWORD);
            rep.setRequiredActions(List.of("CONFIGURE_SMS_OTP"));
            Users.create(admin, realm.name, rep);
            users.add(user);
        }
        List<HttpLoginSession> sessions = sessionsOn("phone", realm, users);
        int sent = submitAtOnce(sessions, number);
        System.out.println("SMS-BUDGET: SMS sent to one number by 8 users enrolling it at once: " + sent);
        assertEquals(3, sent, "server-wide enrollment cap per destination number: 3 per hour by default");
        long refused = sessions.stream()
                .filter(s -> s.pageContains("Too many codes were sent"))
                .count();
        assertEquals(5, refused, "the others are told so");
    }

    @Test
    void fortyParallelWrongCodesCountAtMostThreeTriesAndVoidTheCode() throws Exception {
        SmsTestRealm realm = realm("sms-budget-tries", Map.of("sender", "http"), 0);
        PendingLogins bob = pendingLogins(realm, "bob", "+33612345703", 40);
        List<HttpLoginSession> sessions = bob.sessions();
        String code = bob.code();
        inParallel(sessions, s -> s.post(Map.of("code", wrongCode(code))));
        long wrong = sessions.stream().filter(s -> s.pageContains("Wrong code")).count();
        long voided =
                sessions.stream().filter(s -> s.pageContains("no longer works")).count();
        long gone = sessions.stream()
                .filter(s -> s.pageContains("No code is waiting"))
                .count();
        System.out.println("SMS-BUDGET: 40 parallel wrong codes: answered 'wrong code, try again' " + wrong
                + ", 'code voided' " + voided + ", 'no code waiting' (already voided) " + gone);

        HttpLoginSession last = new HttpLoginSession().loginAt(realm.authorizationUrl(), "bob", SmsTestRealm.PASSWORD);
        last.post(Map.of("code", code));
        System.out.println("SMS-BUDGET: right code accepted after 40 parallel wrong ones: " + last.loggedIn());
        assertTrue(wrong <= 2, "at most maxAttempts - 1 wrong tries are answered 'try again', got " + wrong);
        assertEquals(40 - wrong, voided + gone, "every other submission finds the code voided or gone");
        assertFalse(last.loggedIn(), "the code is void after 3 counted tries");
    }

    @Test
    void aRightCodeSubmittedInParallelIsAcceptedOnce() throws Exception {
        PendingLogins carol =
                pendingLogins(realm("sms-budget-once", Map.of("sender", "http"), 0), "carol", "+33612345704", 6);
        List<HttpLoginSession> sessions = carol.sessions();
        inParallel(sessions, s -> s.post(Map.of("code", carol.code())));
        long in = sessions.stream().filter(HttpLoginSession::loggedIn).count();
        System.out.println("SMS-BUDGET: logins with one right code submitted by 6 sessions at once: " + in);
        assertEquals(1, in, "a code is used once");
    }

    @Test
    void phoneRulesAreCheckedAgainAtEverySendForAdminCreatedCredentials() throws Exception {
        SmsTestRealm realm = realm("sms-budget-rules", Map.of("sender", "http", "allowedCountries", "FR,GB"), 0);
        String premium = "+33899234567";
        String voip = "+33912345678";
        String german = "+4915123456789";
        userWithPhone(realm, "dave", premium);
        userWithPhone(realm, "erin", voip);
        userWithPhone(realm, "frank", german);
        HttpLoginSession dave = new HttpLoginSession().loginAt(realm.authorizationUrl(), "dave", SmsTestRealm.PASSWORD);
        HttpLoginSession erin = new HttpLoginSession().loginAt(realm.authorizationUrl(), "erin", SmsTestRealm.PASSWORD);
        HttpLoginSession frank =
                new HttpLoginSession().loginAt(realm.authorizationUrl(), "frank", SmsTestRealm.PASSWORD);
        Thread.sleep(500);
        int sent = gateway.messagesTo(premium).size()
                + gateway.messagesTo(voip).size()
                + gateway.messagesTo(german).size();
        System.out.println(
                "SMS-BUDGET: SMS sent at login to admin-created premium, VoIP and not-allowed-country numbers: "
                        + sent);
        assertEquals(0, sent);
        assertTrue(dave.pageContains("premium-rate"), dave.page());
        assertTrue(erin.pageContains("Internet (VoIP) numbers"), erin.page());
        assertTrue(frank.pageContains("Numbers from this country are not accepted."), frank.page());
        assertFalse(dave.loggedIn() || erin.loggedIn() || frank.loggedIn());

        // A realm that allows VoIP numbers texts them.
        SmsTestRealm open = realm("sms-budget-voip", Map.of("sender", "http", "allowVoip", "true"), 0);
        userWithPhone(open, "erin", voip);
        new HttpLoginSession().loginAt(open.authorizationUrl(), "erin", SmsTestRealm.PASSWORD);
        assertEquals(1, gateway.awaitMessagesTo(voip, 1, WAIT).size());
    }

    @Test
    void userCannotResetTheEnrollmentCountOrTheRecoveryLimitThroughTheAccountApi() throws Exception {
        SmsTestRealm realm = realm("sms-budget-account", Map.of("sender", "http", "resendCooldownSeconds", "0"), 0);
        // An operator lets users edit attributes the user profile does not declare (a realm setting).
        UPConfig profile = admin.realm(realm.name).users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        admin.realm(realm.name).users().userProfile().update(profile);
        String first = "+33612345705";
        String second = "+33612345706";
        List<String> codes = SmsFlows.enrollOnFirstLogin(browser, gateway, realm, first);
        browser.startLogin(realm);
        gateway.awaitMessagesTo(first, 2, WAIT);
        browser.click("b2bpack-sms-use-recovery");
        browser.submitRecoveryCode(codes.get(0));
        List<String> fresh = SmsFlows.enrollOnPhonePage(browser, gateway, second);
        SmsAdminApi api = new SmsAdminApi(admin, realm.name);
        assertEquals(2, api.get(realm.userId).json().get("enrollmentCount"));

        // The user rewrites their own attributes through the account REST API.
        // Users imported with the realm JSON get no default roles: give alice the realm's defaults (manage-account).
        admin.realm(realm.name)
                .users()
                .get(realm.userId)
                .roles()
                .realmLevel()
                .add(List.of(admin.realm(realm.name)
                        .roles()
                        .get("default-roles-" + realm.name)
                        .toRepresentation()));
        OidcClient.Response tokens = new OidcClient(realm.url())
                .passwordGrant(SmsTestRealm.CLIENT, SmsTestRealm.USER, SmsTestRealm.PASSWORD);
        assertEquals(200, tokens.status(), tokens.body());
        String token = tokens.field("access_token");
        String account = realm.url() + "/account";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> me = http.send(
                HttpRequest.newBuilder(URI.create(account))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        Map<String, Object> rep = JsonSerialization.readValue(me.body(), new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes =
                rep.get("attributes") == null ? new java.util.HashMap<>() : (Map<String, Object>) rep.get("attributes");
        attributes.put("b2bpack.sms.enrollments", List.of("0"));
        attributes.put("b2bpack.sms.lastRecoveryAt", List.of("0"));
        rep.put("attributes", attributes);
        HttpResponse<String> update = http.send(
                HttpRequest.newBuilder(URI.create(account))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JsonSerialization.writeValueAsString(rep)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Object count = api.get(realm.userId).json().get("enrollmentCount");
        System.out.println("SMS-BUDGET: account API update answered " + update.statusCode()
                + "; enrollmentCount afterwards " + count + " (was 2)");

        // A second recovery-code login within 24 h.
        browser.startLogin(realm);
        gateway.awaitMessagesTo(second, 2, WAIT);
        browser.click("b2bpack-sms-use-recovery");
        browser.submitRecoveryCode(fresh.get(0));
        boolean refused = browser.text().contains("already used in the last 24 hours");
        System.out.println(
                "SMS-BUDGET: second recovery-code login within 24 h after the attribute edit refused: " + refused);
        assertEquals(2, count, "the enrollment count is not the user's to edit");
        assertTrue(refused, "the 24 h recovery limit is not the user's to reset");
    }

    /** A login session (its own cookie jar) of each of {@code usernames}, each on a page with the {@code field} input. */
    private static List<HttpLoginSession> sessionsOn(String field, SmsTestRealm realm, List<String> usernames) {
        List<HttpLoginSession> sessions = new ArrayList<>();
        for (String username : usernames) {
            HttpLoginSession s =
                    new HttpLoginSession().loginAt(realm.authorizationUrl(), username, SmsTestRealm.PASSWORD);
            assertTrue(s.pageContains("name=\"" + field + "\""), s.page());
            sessions.add(s);
        }
        return sessions;
    }

    /** Login sessions of one user, each on the code page, and the one code they all wait for. */
    private record PendingLogins(List<HttpLoginSession> sessions, String code) {}

    /**
     * A user whose phone is {@code number} (written by an admin) and {@code count} login sessions of that user on
     * the code page: the first texts a code, the others share it and send nothing.
     */
    private PendingLogins pendingLogins(SmsTestRealm realm, String username, String number, int count) {
        userWithPhone(realm, username, number);
        List<HttpLoginSession> sessions = sessionsOn("code", realm, Collections.nCopies(count, username));
        List<io.github.b2bpack.testsupport.FakeSmsGateway.Sms> texts = gateway.awaitMessagesTo(number, 1, WAIT);
        assertEquals(1, texts.size(), "a pending code is shared: further sessions send nothing");
        return new PendingLogins(sessions, texts.get(0).code());
    }

    /** Every session submits {@code number} at once; returns how many SMS reached it (3 s given for one each). */
    private static int submitAtOnce(List<HttpLoginSession> sessions, String number) throws Exception {
        inParallel(sessions, s -> s.post(Map.of("phone", number)));
        return gateway.awaitMessagesTo(number, sessions.size(), java.time.Duration.ofSeconds(3))
                .size();
    }

    /** Runs {@code action} on every session in its own thread, all released at the same instant. */
    private static void inParallel(List<HttpLoginSession> sessions, Consumer<HttpLoginSession> action)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            CountDownLatch ready = new CountDownLatch(sessions.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (HttpLoginSession s : sessions) {
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    action.accept(s);
                    return null;
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A user with a password and an {@code sms-otp} credential written by an admin (no enrollment, no phone check). */
    private void userWithPhone(SmsTestRealm realm, String username, String e164) {
        UserRepresentation rep =
                Fixtures.userWithPassword(username, username + "@example.com", "U", "Ser", SmsTestRealm.PASSWORD);
        CredentialRepresentation phone = new CredentialRepresentation();
        phone.setType("sms-otp");
        phone.setUserLabel("imported");
        phone.setSecretData("{\"phone\":\"" + e164 + "\"}");
        phone.setCredentialData("{\"maskedPhone\":\"imported\"}");
        rep.setCredentials(List.of(Fixtures.password(SmsTestRealm.PASSWORD), phone));
        Users.create(admin, realm.name, rep);
    }
}
