package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chromium.HasCdp;

/**
 * A person of the customer's IdP realm signing in to an organization's {@code app} client in Chromium through the
 * discovery entry point ({@code /realms/master/org-login?login_hint=…}), with PKCE, and the code exchanged for tokens.
 */
final class SsoLogins {

    private SsoLogins() {}

    /** A PKCE pair and, after the login, the authorization code. */
    static final class Pkce {
        final String verifier;
        final String challenge;
        String code;
        /** Where the browser stopped instead, and what it showed, when no code came back. */
        String page;

        Pkce() throws Exception {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /** The organization realm made usable by a test client, and its {@code app} redirecting back into the realm. */
    static void prepareApp(Keycloak admin, String slug) {
        OrgFixtures.prepareRealm(admin, slug);
        ClientRepresentation app =
                admin.realm(slug).clients().findByClientId("app").get(0);
        List<String> redirects = new ArrayList<>(app.getRedirectUris());
        redirects.add(Fixtures.realmUrl(slug) + "/*");
        app.setRedirectUris(redirects);
        admin.realm(slug).clients().get(app.getId()).update(app);
    }

    /**
     * A fresh browser opens the discovery entry point with the email as {@code login_hint}, lands on the IdP realm's
     * login page (straight, through {@code kc_idp_hint}) and signs in there; the page then shows wherever the
     * organization realm sent it (the app's redirect with a code, or a refusal).
     */
    static Pkce signInThroughOrgLogin(ManagedWebDriver driver, String slug, String idp, String email, String username)
            throws Exception {
        return signIn(
                driver, slug, idp, username, OrgHttp.SERVER + "/realms/master/org-login?", "&login_hint=" + enc(email));
    }

    /**
     * The same, entering at the organization realm's authorization endpoint with {@code kc_idp_hint}: the way an
     * application sends a person whose address discovery would not route to the organization (another domain).
     */
    static Pkce signInWithIdpHint(ManagedWebDriver driver, String slug, String idp, String username) throws Exception {
        return signIn(
                driver,
                slug,
                idp,
                username,
                Fixtures.realmUrl(slug) + "/protocol/openid-connect/auth?",
                "&kc_idp_hint=b2bpack-sso");
    }

    private static Pkce signIn(
            ManagedWebDriver driver, String slug, String idp, String username, String endpoint, String extra)
            throws Exception {
        Pkce pkce = new Pkce();
        // A fresh browser: a session of the previous person in the organization's or the IdP's realm would sign the
        // next one in without the IdP's login page. WebDriver's deleteAllCookies deletes only the cookies the open
        // page sees (deleting from a page of each realm still left the organization realm's session in
        // OrgSsoConnectionIT), so Chromium's own cookie jar is cleared through the DevTools protocol.
        if (driver.driver() instanceof HasCdp cdp) {
            cdp.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        } else {
            for (String realm : List.of(slug, idp)) {
                driver.open(Fixtures.redirectUri(realm));
                driver.driver().manage().deleteAllCookies();
            }
        }
        String entry = endpoint + "client_id=app&response_type=code&scope=openid"
                + "&state=sso-it&code_challenge_method=S256&code_challenge=" + pkce.challenge + "&redirect_uri="
                + enc(Fixtures.redirectUri(slug)) + extra;
        driver.open(entry);
        try {
            driver.waiting()
                    .until(d -> d.getCurrentUrl().startsWith(OrgHttp.SERVER + "/realms/" + idp + "/")
                            && !d.findElements(By.id("password")).isEmpty());
        } catch (TimeoutException e) {
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError(
                    "the IdP's login page did not show; the browser is at " + driver.getCurrentUrl() + " — "
                            + (text.length() > 400 ? text.substring(0, 400) : text),
                    e);
        }
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        // Done when the organization realm sends the browser to the app, or shows a page of its own (a refusal). The
        // IdP's pages carry "session_code=" in their URLs, so "code=" alone is no sign of the app.
        String app = Fixtures.redirectUri(slug);
        String orgPages = Fixtures.realmUrl(slug) + "/login-actions/";
        driver.waiting()
                .until(d ->
                        d.getCurrentUrl().startsWith(app) || d.getCurrentUrl().startsWith(orgPages));
        String url = driver.getCurrentUrl();
        Matcher code = Pattern.compile("[?&]code=([^&#]+)").matcher(url);
        if (url.startsWith(app) && code.find()) {
            pkce.code = code.group(1);
        } else {
            String text = driver.findElement(By.tagName("body")).getText();
            pkce.page = url + " — " + (text.length() > 400 ? text.substring(0, 400) : text);
        }
        return pkce;
    }

    /** The login's code exchanged at the organization realm's token endpoint: 200 with tokens, or the test fails. */
    static JsonNode tokens(String slug, Pkce login) {
        assertNotNull(login.code, () -> "no authorization code: the login stopped at " + login.page);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", "app");
        form.put("code", login.code);
        form.put("redirect_uri", Fixtures.redirectUri(slug));
        form.put("code_verifier", login.verifier);
        OidcClient.Response tokens =
                OidcClient.postForm(Fixtures.realmUrl(slug) + "/protocol/openid-connect/token", form);
        assertEquals(200, tokens.status(), tokens.body());
        return tokens.json();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
