package io.github.b2bpack.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.BrowserItBase;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * The webhooks page of the admin console in headless Chromium, as a realm's own administrator: the page is in the
 * navigation, a webhook is created from its form (v1a: the server makes the key pair and shows the public key), then
 * its key rotated with the switch the save consumes. The REST API sees each change. Screenshots go to
 * {@code docs/images/webhooks-console-*.png} (committed; nothing is asserted on them).
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class WebhookConsoleIT extends BrowserItBase {

    private static final String REALM = "webhook-it-console";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String CONSOLE = WebhookApi.SERVER + "/admin/" + REALM + "/console/";
    private static final String PAGE = "#/" + REALM + "/page-section/b2bpack-webhooks";
    private static final Path IMAGES = Path.of("..", "docs", "images");

    @Test
    void aRealmAdminCreatesAndRotatesAWebhook() throws IOException {
        admin.realms().create(Fixtures.webhookRealm(REALM));
        try {
            String userId = Users.create(
                    admin,
                    REALM,
                    Fixtures.userWithPassword("console-admin", "console@example.com", "Console", "Admin", PASSWORD));
            Users.grantClientRoles(admin, REALM, userId, "realm-management", "realm-admin");
            WebhookApi api = new WebhookApi(REALM, () -> admin.tokenManager().getAccessTokenString());

            driver.open(CONSOLE);
            loginPage.fillLogin("console-admin", PASSWORD);
            loginPage.submit();
            WebElement nav = driver.waiting()
                    .until(d -> d.findElements(By.cssSelector("a[href$='/page-section/b2bpack-webhooks']")).stream()
                            .findFirst()
                            .orElse(null));
            assertEquals("Webhooks", nav.getText().trim());

            driver.open(CONSOLE + PAGE + "/add");
            field("name").sendKeys("CRM sync");
            field("target_url").sendKeys("http://127.0.0.1:8503/hooks/console");
            field("config.event_codes0").sendKeys("user.login.success");
            screenshot("webhooks-console-create.png");
            driver.findElement(By.cssSelector("[data-testid='save']")).click();
            driver.waiting().until(d -> total(api) == 1);
            JsonNode created = api.get("/webhooks").json().get("data").get(0);
            assertEquals("CRM sync", created.get("name").asText());
            assertEquals("v1a", created.get("signature_scheme").asText());
            String publicKey = created.get("public_key").asText();
            assertTrue(publicKey.startsWith("whpk_"), created.toString());

            driver.findElement(By.cssSelector("a[href$='/page-section/b2bpack-webhooks']"))
                    .click();
            WebElement link = driver.waiting()
                    .until(d -> d.findElements(By.xpath("//table//a[text()='CRM sync']")).stream()
                            .findFirst()
                            .orElse(null));
            screenshot("webhooks-console-list.png");
            link.click();
            driver.waiting().until(d -> publicKey.equals(field("public_key").getAttribute("value")));
            screenshot("webhooks-console-edit.png");
            driver.findElement(By.cssSelector("label[for='rotate_key']")).click();
            driver.findElement(By.cssSelector("[data-testid='save']")).click();
            driver.waiting()
                    .until(d -> !publicKey.equals(webhook(api).get("public_key").asText()));
            JsonNode rotated = webhook(api);
            assertNotEquals(publicKey, rotated.get("public_key").asText());
            assertTrue(rotated.has("previous_key_expires_at"), "the old key signs beside the new one: " + rotated);
            assertEquals(created.get("id").asText(), rotated.get("id").asText());
        } finally {
            admin.realm(REALM).remove();
        }
    }

    private WebElement field(String testId) {
        return driver.waiting()
                .until(d -> d.findElements(By.cssSelector("[data-testid='" + testId + "']")).stream()
                        .findFirst()
                        .orElse(null));
    }

    private static long total(WebhookApi api) {
        return api.get("/webhooks").json().get("total").asLong();
    }

    private static JsonNode webhook(WebhookApi api) {
        return api.get("/webhooks").json().get("data").get(0);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(IMAGES);
        Files.write(IMAGES.resolve(name), ((TakesScreenshot) driver.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
