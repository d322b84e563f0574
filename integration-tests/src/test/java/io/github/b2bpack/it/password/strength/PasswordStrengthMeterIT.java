package io.github.b2bpack.it.password.strength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The {@code b2bpack} login theme in headless Chromium: the live meter on the registration and
 * update-password pages, the zxcvbn refusal with localized feedback when the form is submitted, and
 * the registration form working with no JavaScript at all (plain HTTP form posts).
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class PasswordStrengthMeterIT {

    private static final String REALM = "strength-meter";
    private static final String CLIENT = "web-app";
    private static final String REDIRECT = Fixtures.redirectUri(REALM);
    private static final String STRONG = "violet-kettle-harbor-91";
    /** zxcvbn score 3 alone, 1 with the registering user's last name: refused only because of it. */
    private static final String OWN_NAME = "Brightwater2026";

    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectAdminClient
    Keycloak admin;

    @InjectWebDriver
    ManagedWebDriver driver;

    @BeforeEach
    void createRealm() {
        RealmRepresentation realm = Fixtures.registrationRealm(REALM, "zxcvbn(3)");
        realm.setLoginTheme("b2bpack");
        admin.realms().create(realm);
        admin.realm(REALM)
                .clients()
                .create(Fixtures.browserClient(CLIENT, REALM))
                .close();
    }

    @AfterEach
    void dropRealm() {
        admin.realm(REALM).remove();
    }

    @Test
    void registrationShowsTheLiveMeterAndRefusesAPasswordBuiltFromTheForm() throws Exception {
        driver.open(registrationUrl(null));
        WebDriver browser = driver.driver();
        browser.findElement(By.name("firstName")).sendKeys("Jacqueline");
        browser.findElement(By.name("lastName")).sendKeys("Brightwater");
        browser.findElement(By.name("email")).sendKeys("jacqueline@example.org");
        browser.findElement(By.name("username")).sendKeys("jacqueline");

        type(browser, "password", "password");
        WebElement meter = waitFor(browser, d -> d.findElement(By.id("b2bpack-strength")));
        waitFor(browser, d -> "0".equals(meter.getAttribute("data-score")) && meter.isDisplayed());
        waitFor(browser, d -> meter.getText().contains("This is a top-10 common password."));
        saveScreenshot(browser, "registration-weak.png");

        type(browser, "password", STRONG);
        waitFor(browser, d -> "4".equals(meter.getAttribute("data-score")));
        assertEquals("true", meter.getAttribute("data-valid"));

        // The meter sends the form's names too, so it already shows what the policy will say on submit:
        // refused although zxcvbn alone says 3.
        type(browser, "password", OWN_NAME);
        waitFor(
                browser,
                d -> "false".equals(meter.getAttribute("data-valid")) && !"4".equals(meter.getAttribute("data-score")));
        assertTrue(Integer.parseInt(meter.getAttribute("data-score")) < 3, meter.getAttribute("data-score"));
        type(browser, "password-confirm", OWN_NAME);
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
        waitFor(browser, d -> bodyText(d).contains("Password is too weak"));
        assertTrue(bodyText(browser).contains("at least 3 required"), bodyText(browser));

        type(browser, "password", STRONG);
        type(browser, "password-confirm", STRONG);
        // The refused form was just re-rendered: submit only once both fields hold the password and the
        // meter has scored it (on a loaded machine the click could otherwise race the page's own scripts).
        waitFor(
                browser,
                d -> STRONG.equals(d.findElement(By.id("password")).getDomProperty("value"))
                        && STRONG.equals(
                                d.findElement(By.id("password-confirm")).getDomProperty("value"))
                        && "4".equals(d.findElement(By.id("b2bpack-strength")).getAttribute("data-score")));
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
        waitFor(browser, d -> d.getCurrentUrl().contains("code="));
        StrengthHttp.assertServerLogHoldsNone(List.of(STRONG, OWN_NAME));
    }

    @Test
    void refusalsAreLocalizedInFrenchAndGerman() {
        WebDriver browser = driver.driver();
        driver.open(registrationUrl("fr"));
        fillRegistration(browser, "francoise", "password");
        waitFor(browser, d -> bodyText(d).contains("Mot de passe trop faible"));
        assertTrue(bodyText(browser).contains("C'est l'un des 10 mots de passe les plus courants."), bodyText(browser));

        driver.open(registrationUrl("de"));
        fillRegistration(browser, "gerda", "password");
        waitFor(browser, d -> bodyText(d).contains("Passwort zu schwach"));
        assertTrue(bodyText(browser).contains("10 h\u00e4ufigsten Passw\u00f6rter"), bodyText(browser));
    }

    @Test
    void updatePasswordPageShowsTheMeterAndEnforcesThePolicy() throws Exception {
        UserRepresentation bob = new UserRepresentation();
        bob.setUsername("bob");
        bob.setEmail("bob@example.org");
        bob.setFirstName("Bob");
        bob.setLastName("Stone");
        bob.setEmailVerified(true);
        bob.setEnabled(true);
        bob.setRequiredActions(List.of("UPDATE_PASSWORD"));
        CredentialRepresentation temporary = new CredentialRepresentation();
        temporary.setType(CredentialRepresentation.PASSWORD);
        temporary.setValue("quartz-lantern-meadow-47");
        temporary.setTemporary(true);
        bob.setCredentials(List.of(temporary));
        Users.create(admin, REALM, bob);

        driver.open(new OidcClient(Fixtures.realmUrl(REALM)).authorizationUrl(CLIENT, REDIRECT));
        WebDriver browser = driver.driver();
        browser.findElement(By.id("username")).sendKeys("bob");
        browser.findElement(By.id("password")).sendKeys("quartz-lantern-meadow-47");
        browser.findElement(By.id("kc-login")).click();
        waitFor(browser, d -> !d.findElements(By.id("password-new")).isEmpty());

        type(browser, "password-new", "qwerty123");
        WebElement meter = waitFor(browser, d -> d.findElement(By.id("b2bpack-strength")));
        waitFor(browser, d -> meter.isDisplayed() && "0".equals(meter.getAttribute("data-score")));

        type(browser, "password-confirm", "qwerty123");
        browser.findElement(By.id("kc-submit")).click();
        waitFor(browser, d -> bodyText(d).contains("Password is too weak"));

        type(browser, "password-new", STRONG);
        waitFor(
                browser,
                d -> "4".equals(d.findElement(By.id("b2bpack-strength")).getAttribute("data-score")));
        type(browser, "password-confirm", STRONG);
        browser.findElement(By.id("kc-submit")).click();
        waitFor(browser, d -> d.getCurrentUrl().contains("code="));
        StrengthHttp.assertServerLogHoldsNone(List.of(STRONG, "quartz-lantern-meadow-47"));
    }

    @Test
    void registrationWorksWithoutJavaScript() throws Exception {
        // A bare HTTP client, as a browser without JavaScript: it only follows the form. Keycloak marks
        // its session cookies Secure, which java.net's CookieManager withholds over http://localhost
        // (browsers treat localhost as secure), so the cookies are carried by hand.
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = send(
                http, HttpRequest.newBuilder(URI.create(registrationUrl(null))).GET(), cookies);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("b2bpack-strength-meter.js"), "the b2bpack theme adds its meter script");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("firstName", "Nora");
        form.put("lastName", "Brightwater");
        form.put("email", "nora@example.org");
        form.put("username", "nora");
        form.put("password", OWN_NAME);
        form.put("password-confirm", OWN_NAME);
        HttpResponse<String> refused = post(http, formAction(page.body()), form, cookies);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Password is too weak"), "the policy error is rendered server-side");

        form.put("password", STRONG);
        form.put("password-confirm", STRONG);
        HttpResponse<String> accepted = post(http, formAction(refused.body()), form, cookies);
        assertEquals(302, accepted.statusCode(), accepted.body());
        assertTrue(accepted.headers().firstValue("Location").orElse("").contains("code="));
    }

    /** For a human look at the page (target/screenshots); nothing is asserted on it. */
    private static void saveScreenshot(WebDriver browser, String name) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        byte[] png =
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        java.nio.file.Files.write(dir.resolve(name), png);
    }

    private void fillRegistration(WebDriver browser, String username, String password) {
        browser.findElement(By.name("firstName")).sendKeys("Test");
        browser.findElement(By.name("lastName")).sendKeys("User");
        browser.findElement(By.name("email")).sendKeys(username + "@example.org");
        browser.findElement(By.name("username")).sendKeys(username);
        type(browser, "password", password);
        type(browser, "password-confirm", password);
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private static <T> T waitFor(WebDriver browser, Function<WebDriver, T> condition) {
        // A page being replaced by the next one may throw either exception mid-check: try again.
        return new WebDriverWait(browser, WAIT)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static String bodyText(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static String registrationUrl(String locale) {
        return Fixtures.realmUrl(REALM) + "/protocol/openid-connect/registrations?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + (locale == null ? "" : "&ui_locales=" + locale);
    }

    private static String formAction(String html) {
        Matcher action = Pattern.compile("id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"")
                .matcher(html);
        if (!action.find()) {
            action = Pattern.compile("action=\"([^\"]+)\"[^>]*id=\"kc-register-form\"")
                    .matcher(html);
            assertTrue(action.find(), "no registration form");
        }
        return action.group(1).replace("&amp;", "&");
    }

    private static HttpResponse<String> post(
            HttpClient http, String url, Map<String, String> form, Map<String, String> cookies)
            throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(
                http,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                cookies);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, Map<String, String> cookies)
            throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }
}
