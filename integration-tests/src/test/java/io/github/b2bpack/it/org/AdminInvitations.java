package io.github.b2bpack.it.org;

import io.github.b2bpack.it.support.PageChange;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An organization administrator's invitation: the realm's SMTP on a loopback port, the link accepted in Chromium. */
final class AdminInvitations {

    private AdminInvitations() {}

    /** Points the realm's SMTP server at a loopback port (no TLS, no authentication). */
    static void useSmtp(Keycloak admin, String realm, int port) {
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

    /** Opens the invitation link, accepts it, and completes the required actions with {@code password}. */
    static void accept(ManagedWebDriver driver, String link, String password) {
        driver.open(link);
        click(driver, "b2bpack-admin-invitation-accept");
        completeRequiredActions(driver, password);
    }

    static void click(ManagedWebDriver driver, String id) {
        driver.waiting().until(d -> !d.findElements(By.id(id)).isEmpty());
        driver.findElement(By.id(id)).click();
    }

    /**
     * The realm's required actions after accepting: the new password, then the profile the realm's user profile
     * requires (first and last name), until Keycloak's "account updated" page.
     */
    static void completeRequiredActions(ManagedWebDriver driver, String password) {
        for (int step = 0; step < 4; step++) {
            driver.waiting()
                    .until(d -> !d.findElements(By.id("password-new")).isEmpty()
                            || !d.findElements(By.id("firstName")).isEmpty()
                            || d.getPageSource().contains("Your account has been updated"));
            WebElement submitted;
            if (!driver.driver().findElements(By.id("password-new")).isEmpty()) {
                driver.findElement(By.id("password-new")).sendKeys(password);
                submitted = driver.findElement(By.id("password-confirm"));
                submitted.sendKeys(password);
            } else if (!driver.driver().findElements(By.id("firstName")).isEmpty()) {
                WebElement first = driver.findElement(By.id("firstName"));
                first.clear();
                first.sendKeys("Ada");
                submitted = driver.findElement(By.id("lastName"));
                submitted.clear();
                submitted.sendKeys("Admin");
            } else {
                return;
            }
            submitted.submit();
            driver.waiting().until(PageChange.left(submitted));
        }
        throw new AssertionError(
                "required actions did not end:\n" + driver.driver().getPageSource());
    }
}
