package io.github.b2bpack.it.sms;

import io.github.b2bpack.it.support.OidcClient;
import java.time.Duration;
import java.util.List;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The SMS pages driven in Chromium by element ids from the module's templates. */
final class SmsBrowser {

    private final ManagedWebDriver driver;

    SmsBrowser(ManagedWebDriver driver) {
        this.driver = driver;
    }

    void startLogin(SmsTestRealm realm) {
        startLogin(realm, "");
    }

    /** @param extraQuery appended to the authorization URL, e.g. {@code &ui_locales=fr} */
    void startLogin(SmsTestRealm realm, String extraQuery) {
        driver.driver().manage().deleteAllCookies();
        driver.open(new OidcClient(realm.url()).authorizationUrl(SmsTestRealm.CLIENT, realm.redirect()) + extraQuery);
        driver.findElement(By.id("username")).sendKeys(SmsTestRealm.USER);
        driver.findElement(By.id("password")).sendKeys(SmsTestRealm.PASSWORD);
        navigate(() -> driver.findElement(By.id("kc-login")).click());
    }

    /** Application-initiated enrollment (kc_action) while the user has a session. */
    void startEnrollmentAction(SmsTestRealm realm) {
        driver.open(new OidcClient(realm.url()).authorizationUrl(SmsTestRealm.CLIENT, realm.redirect())
                + "&kc_action=CONFIGURE_SMS_OTP");
    }

    void submitPhone(String number) {
        WebElement phone = driver.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys(number);
        navigate(() -> driver.findElement(By.id("b2bpack-sms-send")).click());
    }

    void submitCode(String code) {
        WebElement input = driver.findElement(By.id("code"));
        input.clear();
        input.sendKeys(code);
        navigate(input::submit);
    }

    /** The authenticator-app code field ({@code otp}) of the app login and enrollment pages. */
    void submitAppCode(String code) {
        WebElement input = driver.findElement(By.id("otp"));
        input.clear();
        input.sendKeys(code);
        navigate(input::submit);
    }

    /** Application-initiated enrollment of {@code action} while the user has a session. */
    void startAction(SmsTestRealm realm, String action) {
        driver.open(new OidcClient(realm.url()).authorizationUrl(SmsTestRealm.CLIENT, realm.redirect()) + "&kc_action="
                + action);
    }

    void click(String id) {
        navigate(() -> driver.findElement(By.id(id)).click());
    }

    void submitRecoveryCode(String code) {
        WebElement input = driver.findElement(By.id("recoveryCode"));
        input.sendKeys(code);
        navigate(input::submit);
    }

    /** Runs a form submission and waits until the browser has left the current page. */
    private void navigate(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        awaitLeft(page);
    }

    /**
     * Waits until {@code page} no longer belongs to the current document. Chromium sometimes reports a
     * node of a replaced document as an inspector error rather than as a stale element: both mean "left".
     */
    private void awaitLeft(WebElement page) {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException e) {
                return true;
            }
        });
    }

    List<String> shownRecoveryCodes() {
        return driver.driver().findElements(By.cssSelector("#b2bpack-sms-recovery-codes code")).stream()
                .map(WebElement::getText)
                .toList();
    }

    void acknowledgeRecoveryCodes() {
        click("b2bpack-sms-ack");
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    boolean has(String id) {
        return !driver.driver().findElements(By.id(id)).isEmpty();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void reload() {
        navigate(() -> driver.driver().navigate().refresh());
    }

    /** Waits for the redirect back to the client and returns the authorization code. */
    String awaitAuthorizationCode() {
        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        String url = driver.getCurrentUrl();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("code=")) {
                return pair.substring(5);
            }
        }
        throw new AssertionError("no code in " + url);
    }

    void open(String url) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.open(url);
        awaitLeft(page);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }
}
