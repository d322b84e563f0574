package io.github.b2bpack.it.magiclink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.HttpLoginSession;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.FakePorts;
import io.github.b2bpack.testsupport.FakeSmsGateway;
import io.github.b2bpack.testsupport.SmtpSink;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, magic links, end to end on an organization realm whose browser flow starts with
 * {@code b2bpack-magic-link}: the mail caught by a loopback SMTP server, the link opened in Chromium (and in a second
 * "browser", a plain HTTP client with its own cookies), single use, expiry, browser binding, no enumeration, the
 * limits under real parallel requests, and the SMS second factor after the link.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class MagicLinkIT {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String PHONE = "+33612345679";

    static FakeSmsGateway gateway;

    @InjectAdminClient
    Keycloak admin;

    @InjectWebDriver
    ManagedWebDriver driver;

    private SmtpSink smtp;
    private final List<MagicLinkRealm> realms = new ArrayList<>();

    @BeforeAll
    static void startGateway() {
        // The http sender's URL and secret are server options (server-options/totp-sms-authenticator.properties).
        gateway = new FakeSmsGateway(
                FakePorts.SMS_GATEWAY,
                "AC0000000000000000000000000000b2bp",
                "it-twilio-auth-token",
                "it-http-hmac-secret");
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void startSmtp() {
        smtp = new SmtpSink();
        gateway.clear();
    }

    @AfterEach
    void cleanUp() {
        realms.forEach(MagicLinkRealm::delete);
        realms.clear();
        smtp.close();
    }

    private MagicLinkRealm realm(String displayName) {
        MagicLinkRealm realm = MagicLinkRealm.create(admin, displayName, smtp.port());
        realms.add(realm);
        return realm;
    }

    @Test
    void theLinkSignsInOnceInTheBrowserThatAskedForIt() {
        MagicLinkRealm realm = realm("Org IT Magic Once");
        realm.createUser("ann", null);

        // Identity-first: org-login forwards login_hint; the page offers that address.
        driver.driver().manage().deleteAllCookies();
        driver.open(realm.authorizationUrl() + "&login_hint=ann%40magic-it.example");
        assertEquals("ann@magic-it.example", driver.findElement(By.id("email")).getAttribute("value"));
        click("b2bpack-magic-link-send");
        assertTrue(
                driver.findElement(By.id("b2bpack-magic-link-sent")).getText().contains("ann@magic-it.example"));

        List<SmtpSink.Mail> mails = smtp.await(1, WAIT);
        assertEquals(1, mails.size(), "one mail");
        assertEquals(List.of("<ann@magic-it.example>"), mails.get(0).to());
        String link = mails.get(0).actionTokenLink();

        driver.open(link);
        String code = awaitCode();
        assertNotNull(code, "signed in by the link: " + driver.getCurrentUrl());
        OidcClient.Response tokens = realm.oidc().authorizationCodeGrant(MagicLinkRealm.APP, code, realm.redirect());
        assertEquals(200, tokens.status(), tokens.body());
        assertNotNull(tokens.field("access_token"));

        // Replay in the same browser: refused, no second code.
        driver.open(link);
        assertNull(awaitCode(), "a used link must not sign in again");
        assertTrue(
                driver.driver().getPageSource().contains("already been used"),
                driver.driver().getPageSource());
        System.out.println("MAGIC-LINK once: signed in, code exchanged for tokens (200); replay refused");
    }

    @Test
    void aBoundLinkIsRefusedInAnotherBrowserAndWorksThereWhenBindingIsOff() {
        MagicLinkRealm realm = realm("Org IT Magic Bound");
        realm.createUser("bob", null);

        String link = requestInChromium(realm, "bob@magic-it.example", 1);
        HttpLoginSession other = new HttpLoginSession().get(link);
        System.out.println("MAGIC-LINK bound, other browser -> " + other.status() + " loggedIn=" + other.loggedIn());
        assertEquals(400, other.status(), other.page());
        assertFalse(other.loggedIn());
        assertTrue(other.pageContains("only works in the browser"), other.page());
        // Refused before it was used up: the browser that asked still signs in with it.
        driver.open(link);
        assertNotNull(awaitCode(), "the asking browser signs in after the refusal elsewhere");

        realm.configure(Map.of("bindToBrowser", "false"));
        String unbound = requestInChromium(realm, "bob@magic-it.example", 2);
        HttpLoginSession phone = new HttpLoginSession().get(unbound);
        System.out.println("MAGIC-LINK unbound, other browser -> loggedIn=" + phone.loggedIn());
        assertTrue(phone.loggedIn(), phone.status() + " " + phone.page());
        String code = queryParameter(phone.location(), "code");
        OidcClient.Response tokens = realm.oidc().authorizationCodeGrant(MagicLinkRealm.APP, code, realm.redirect());
        assertEquals(200, tokens.status(), tokens.body());
    }

    @Test
    void anExpiredLinkIsRefused() throws InterruptedException {
        MagicLinkRealm realm = realm("Org IT Magic Expired");
        realm.createUser("eve", null);
        realm.configure(Map.of("ttlSeconds", "10"));
        String link = requestInChromium(realm, "eve@magic-it.example", 1);
        Thread.sleep(12_000);
        driver.open(link);
        assertNull(awaitCode(), "an expired link must not sign in");
        System.out.println("MAGIC-LINK expired -> no code; page has the address form: "
                + driver.driver().getPageSource().contains("b2bpack-magic-link-form"));
    }

    @Test
    void anUnknownAddressGetsTheSamePageAndNoMail() {
        MagicLinkRealm realm = realm("Org IT Magic Unknown");
        String kim = realm.createUser("kim", null);
        realm.configure(Map.of("addressLimit", "100", "ipLimit", "100", "minimumAnswerMillis", "0"));

        HttpLoginSession known = new HttpLoginSession().get(realm.authorizationUrl());
        known.post(Map.of("email", "kim@magic-it.example"));
        HttpLoginSession unknown = new HttpLoginSession().get(realm.authorizationUrl());
        unknown.post(Map.of("email", "nobody@magic-it.example"));
        assertEquals(200, known.status());
        assertEquals(known.status(), unknown.status());
        assertEquals(
                normalized(known.page(), "kim@magic-it.example"),
                normalized(unknown.page(), "nobody@magic-it.example"));

        // Timing, printed and recorded in docs/benchmarks.md, never asserted: first the equal work alone (floor off:
        // token and mail rendered for both, the mail and its event off the request thread), then with the default
        // minimum answer time (250 ms) on top.
        double[] equalWork = knownAndUnknownMedians(realm);
        realm.configure(Map.of("addressLimit", "100", "ipLimit", "100"));
        double[] floored = knownAndUnknownMedians(realm);
        System.out.printf(
                "MAGIC-LINK timing (8 each, alternated): equal work, floor off: known median %.1f ms, unknown median"
                        + " %.1f ms, ratio %.2f; default floor 250 ms: known %.1f ms, unknown %.1f ms, ratio %.3f%n",
                equalWork[0],
                equalWork[1],
                equalWork[0] / equalWork[1],
                floored[0],
                floored[1],
                floored[0] / floored[1]);

        List<SmtpSink.Mail> mails = smtp.await(17, WAIT);
        sleep(2_000);
        mails = smtp.mails();
        assertEquals(17, mails.size(), "a mail for each known request, none for unknown ones");
        assertTrue(mails.stream().allMatch(m -> m.to().equals(List.of("<kim@magic-it.example>"))));
        // magic_link.sent is written by the mail's background job after the send: one per mail, kim's.
        long sent = 0;
        for (int i = 0; i < 20 && sent < 17; i++) {
            sent =
                    admin
                            .realm(realm.name)
                            .getEvents(List.of("SEND_VERIFY_EMAIL"), null, kim, null, null, null, 0, 100)
                            .stream()
                            .filter(e -> e.getDetails() != null
                                    && "magic_link.sent".equals(e.getDetails().get("b2bpack_event")))
                            .count();
            if (sent < 17) {
                sleep(500);
            }
        }
        assertEquals(17, sent, "one magic_link.sent event per mail, written off the request thread");
    }

    /** Medians in ms of 8 posts for kim and 8 for unknown addresses, alternated: {known, unknown}. */
    private static double[] knownAndUnknownMedians(MagicLinkRealm realm) {
        long[] knownNanos = new long[8];
        long[] unknownNanos = new long[8];
        for (int i = 0; i < 8; i++) {
            knownNanos[i] = timedPost(realm, "kim@magic-it.example");
            unknownNanos[i] = timedPost(realm, "nobody" + i + "@magic-it.example");
        }
        return new double[] {median(knownNanos) / 1e6, median(unknownNanos) / 1e6};
    }

    @Test
    void parallelSendsBeyondTheLimitsAreRefused() throws Exception {
        MagicLinkRealm realm = realm("Org IT Magic Limits");
        realm.createUser("lea", null);

        // Per IP: 2 allowed, then refused, whatever the address (all requests come from 127.0.0.1).
        realm.configure(Map.of("ipLimit", "2", "addressLimit", "100"));
        List<Integer> byIp = parallelPosts(realm, 8, i -> "someone" + i + "@magic-it.example");
        // Per address: 3 allowed for lea's address (the IP slots taken above stay taken).
        realm.configure(Map.of("ipLimit", "100", "addressLimit", "3"));
        List<Integer> byAddress = parallelPosts(realm, 12, i -> "lea@magic-it.example");
        System.out.println("MAGIC-LINK parallel: per-IP statuses " + byIp + "; per-address statuses " + byAddress);
        assertEquals(2, byIp.stream().filter(s -> s == 200).count(), byIp.toString());
        assertEquals(6, byIp.stream().filter(s -> s == 429).count(), byIp.toString());
        assertEquals(3, byAddress.stream().filter(s -> s == 200).count(), byAddress.toString());
        assertEquals(9, byAddress.stream().filter(s -> s == 429).count(), byAddress.toString());
        smtp.await(3, WAIT);
        sleep(2_000);
        assertEquals(3, smtp.mails().size(), "3 mails for lea, none for the unknown addresses");
    }

    @Test
    void theSmsSecondFactorStillRunsAfterTheLink() {
        MagicLinkRealm realm = realm("Org IT Magic Sms");
        realm.useHttpSmsSender();
        String samId = realm.createUser("sam", PHONE);

        HttpLoginSession browser = new HttpLoginSession().get(realm.authorizationUrl());
        browser.post(Map.of("email", "sam@magic-it.example"));
        List<SmtpSink.Mail> mails = smtp.await(1, WAIT);
        assertEquals(1, mails.size());
        browser.get(mails.get(0).actionTokenLink());
        assertFalse(browser.loggedIn(), "the link alone must not sign an SMS user in");
        assertTrue(browser.pageContains("name=\"code\""), "the SMS code page follows the link:\n" + browser.page());
        assertEquals(
                0, admin.realm(realm.name).users().get(samId).getUserSessions().size());
        List<FakeSmsGateway.Sms> texts = gateway.awaitMessagesTo(PHONE, 1, WAIT);
        assertEquals(1, texts.size(), "one SMS after the link");
        browser.post(Map.of("code", texts.get(0).code()));
        assertTrue(browser.loggedIn(), browser.page());
        System.out.println("MAGIC-LINK + SMS: link -> SMS page, code -> signed in");
    }

    @Test
    void theHeadlessChallengeMailsALinkThatEndsInTheStandardCodeFlow() throws Exception {
        MagicLinkRealm realm = realm("Org IT Magic Headless");
        realm.createUser("hal", null);
        MagicLinkRealm other = MagicLinkRealm.create(admin, "Org IT Magic Other", smtp.port(), false);
        realms.add(other);
        String otherAdmin = other.createUser("otto", null);
        io.github.b2bpack.it.support.Users.grantClientRoles(
                admin, other.name, otherAdmin, "realm-management", "manage-users", "view-users");
        String otherToken =
                io.github.b2bpack.it.support.Users.adminCliToken(other.name, "otto", "Tq7#vLm9!pRz2@wXk-Quartz");
        String body = "{\"user_email\":\"hal@magic-it.example\",\"redirect_uri\":\"" + realm.redirect()
                + "\",\"client_id\":\"it-app\",\"state\":\"st-42\"}";

        // 401 / 403 / 409 / 400 / 404 before the real call.
        OidcClient.Response anonymous = challenge(realm, null, body);
        OidcClient.Response otherOrg = challenge(realm, otherToken, body);
        String otherBody = body.replace(realm.redirect(), other.redirect());
        OidcClient.Response ownOrgUnknown = challenge(other, otherToken, otherBody.replace("hal@", "nobody@"));
        OidcClient.Response inactive = challenge(other, masterToken(), otherBody);
        OidcClient.Response badRedirect =
                challenge(realm, masterToken(), body.replace(realm.redirect(), "https://evil.example/cb"));
        OidcClient.Response unknown = challenge(realm, masterToken(), body.replace("hal@", "nobody@"));
        OidcClient.Response notJson = challenge(realm, masterToken(), "{");
        System.out.printf(
                "MAGIC-LINK headless: anonymous %d, other org's admin %d, that admin on its own realm %d, inactive %d,"
                        + " foreign redirect %d, unknown user %d, broken JSON %d%n",
                anonymous.status(),
                otherOrg.status(),
                ownOrgUnknown.status(),
                inactive.status(),
                badRedirect.status(),
                unknown.status(),
                notJson.status());
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals(403, otherOrg.status(), otherOrg.body());
        assertEquals(409, ownOrgUnknown.status(), ownOrgUnknown.body()); // its token works there: no magic link step
        assertEquals(409, inactive.status(), inactive.body());
        assertEquals("magic_link_connection_inactive", inactive.field("error"));
        assertEquals(400, badRedirect.status(), badRedirect.body());
        assertEquals("invalid_redirect_uri", badRedirect.field("error"));
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(400, notJson.status(), notJson.body());
        assertTrue(smtp.mails().isEmpty(), "no mail for a refused challenge");

        OidcClient.Response created = challenge(realm, masterToken(), body);
        assertEquals(201, created.status(), created.body());
        assertEquals("MagicLinkChallenge", created.field("__type__"));
        assertEquals(realm.name, created.field("__domain__"));
        assertEquals("production", created.field("__environment__"));
        assertEquals("hal@magic-it.example", created.field("email_address"));
        assertTrue(
                created.json().path("magic_link").isNull()
                        || created.json().path("magic_link").isMissingNode(),
                "the API never returns the link");

        List<SmtpSink.Mail> mails = smtp.await(1, WAIT);
        assertEquals(1, mails.size());
        HttpLoginSession phone = new HttpLoginSession().get(mails.get(0).actionTokenLink());
        assertTrue(phone.loggedIn(), phone.status() + " " + phone.page());
        assertEquals("st-42", queryParameter(phone.location(), "state"));
        OidcClient.Response tokens = realm.oidc()
                .authorizationCodeGrant(MagicLinkRealm.APP, queryParameter(phone.location(), "code"), realm.redirect());
        assertEquals(200, tokens.status(), tokens.body());
        System.out.println("MAGIC-LINK headless: 201, link -> code (state kept) -> tokens 200");

        // Without SMTP: 409 smtp_not_configured. The per-address slot is claimed before that check, so hal's third
        // call of the window (default addressLimit 3; the 201 took the first) is still 409 and the fourth is 429.
        org.keycloak.representations.idm.RealmRepresentation rep =
                admin.realm(realm.name).toRepresentation();
        rep.setSmtpServer(Map.of());
        admin.realm(realm.name).update(rep);
        OidcClient.Response noSmtp = challenge(realm, masterToken(), body);
        OidcClient.Response noSmtpAgain = challenge(realm, masterToken(), body);
        OidcClient.Response tooMany = challenge(realm, masterToken(), body);
        System.out.printf(
                "MAGIC-LINK headless: no SMTP %d %d, over the address limit %d%n",
                noSmtp.status(), noSmtpAgain.status(), tooMany.status());
        assertEquals(409, noSmtp.status(), noSmtp.body());
        assertEquals("smtp_not_configured", noSmtp.field("error"));
        assertEquals(409, noSmtpAgain.status(), noSmtpAgain.body());
        assertEquals(429, tooMany.status(), tooMany.body());
        assertEquals("too_many_requests", tooMany.field("error"));
        assertEquals(1, smtp.mails().size(), "no mail without SMTP or over the limit");
    }

    private OidcClient.Response challenge(MagicLinkRealm realm, String token, String json) {
        return new io.github.b2bpack.it.support.BearerHttp(
                        io.github.b2bpack.it.TestServer.BASE_URL + "/admin/realms/" + realm.name
                                + "/magic-link-challenge",
                        token == null ? null : () -> token,
                        Duration.ofSeconds(30))
                .post("", json);
    }

    private String masterToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    // --- helpers

    /** Requests a link for {@code address} in Chromium (fresh cookies) and returns the link of mail {@code n}. */
    private String requestInChromium(MagicLinkRealm realm, String address, int n) {
        driver.driver().manage().deleteAllCookies();
        driver.open(realm.authorizationUrl());
        driver.findElement(By.id("email")).sendKeys(address);
        click("b2bpack-magic-link-send");
        driver.findElement(By.id("b2bpack-magic-link-sent"));
        List<SmtpSink.Mail> mails = smtp.await(n, WAIT);
        assertEquals(n, mails.size(), "mail " + n);
        return mails.get(n - 1).actionTokenLink();
    }

    private void click(String id) {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(id)).click();
        new WebDriverWait(driver.driver(), WAIT).until(io.github.b2bpack.it.support.PageChange.left(page));
    }

    /** The authorization code once Chromium is back at the client, or null after a few seconds without one. */
    private String awaitCode() {
        try {
            new WebDriverWait(driver.driver(), Duration.ofSeconds(5))
                    .until(d -> d.getCurrentUrl().contains("code="));
            return queryParameter(driver.getCurrentUrl(), "code");
        } catch (TimeoutException e) {
            return null;
        }
    }

    private List<Integer> parallelPosts(MagicLinkRealm realm, int count, java.util.function.IntFunction<String> to)
            throws Exception {
        List<HttpLoginSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(new HttpLoginSession().get(realm.authorizationUrl()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpLoginSession s = sessions.get(i);
                String address = to.apply(i);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return s.post(Map.of("email", address)).status();
                }));
            }
            start.countDown();
            List<Integer> result = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                result.add(f.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long timedPost(MagicLinkRealm realm, String address) {
        HttpLoginSession s = new HttpLoginSession().get(realm.authorizationUrl());
        long t0 = System.nanoTime();
        s.post(Map.of("email", address));
        long t = System.nanoTime() - t0;
        assertEquals(200, s.status(), s.page());
        return t;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    /** The page without what differs by session (form actions, tab ids) and by the address typed. */
    private static String normalized(String page, String address) {
        return page.replace(address, "ADDRESS")
                .replaceAll("action=\"[^\"]*\"", "action=\"\"")
                .replaceAll("(tab_id|session_code|execution|client_data)=[^&\"]*", "$1=");
    }

    private static String queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(query);
        return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    private static void assertNull(Object o, String message) {
        org.junit.jupiter.api.Assertions.assertNull(o, message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
