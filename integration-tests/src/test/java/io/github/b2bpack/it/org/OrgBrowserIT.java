package io.github.b2bpack.it.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Organization rules seen by a person in headless Chromium: registration and the discovery entry point. */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class OrgBrowserIT extends OrgItBase {

    @InjectWebDriver
    ManagedWebDriver driver;

    @Test
    void selfRegistrationRefusesAnEmailOutsideTheOrganizationDomains() {
        String slug = OrgFixtures.createOrg(http, "Org IT Registration", "reg-it.example");
        OrgFixtures.prepareRealm(admin, slug);
        RealmRepresentation realm = admin.realm(slug).toRepresentation();
        realm.setRegistrationAllowed(true);
        admin.realm(slug).update(realm);

        String registration =
                OrgHttp.SERVER + "/realms/" + slug + "/protocol/openid-connect/registrations?client_id=it-web"
                        + "&response_type=code&scope=openid&redirect_uri=" + enc(Fixtures.redirectUri(slug));
        driver.open(registration);
        fillRegistration("mallory", "mallory@elsewhere.example");
        driver.waiting().until(d -> !d.findElements(By.id("input-error-email")).isEmpty());
        WebElement emailError = driver.findElement(By.id("input-error-email"));
        assertTrue(
                emailError.getText().contains("This organization only accepts email addresses at: reg-it.example"),
                emailError.getText());

        fillRegistration("rita", "rita@REG-IT.example");
        driver.waiting().until(d -> d.getCurrentUrl().contains("code="));
        assertEquals(1, admin.realm(slug).users().search("rita").size());
        assertEquals(0, admin.realm(slug).users().search("mallory").size());
    }

    @Test
    void entryPointAsksTheEmailAndSendsThePersonToTheirOrganizationRealm() {
        String slug = OrgFixtures.createOrg(http, "Org IT Entry", "entry-it.example");
        OrgFixtures.prepareRealm(admin, slug);
        String entry = OrgHttp.SERVER + "/realms/master/org-login?client_id=it-web&response_type=code&scope=openid"
                + "&state=st-42&redirect_uri=" + enc(Fixtures.redirectUri(slug));

        driver.open(entry);
        driver.findElement(By.id("login_hint")).sendKeys("nobody@unknown-it.example");
        driver.findElement(By.id("b2bpack-org-login-submit")).click();
        driver.waiting().until(d -> d.getPageSource().contains("We could not find an organization"));
        assertTrue(
                driver.getCurrentUrl().startsWith(OrgHttp.SERVER + "/realms/master/org-login"), driver.getCurrentUrl());

        WebElement hint = driver.findElement(By.id("login_hint"));
        hint.clear();
        hint.sendKeys("dana@Entry-IT.example");
        driver.findElement(By.id("b2bpack-org-login-submit")).click();
        driver.waiting().until(d -> d.getCurrentUrl().startsWith(OrgHttp.SERVER + "/realms/" + slug + "/"));
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("state=st-42"), url);
        assertTrue(url.contains("client_id=it-web"), url);
        driver.waiting().until(d -> !d.findElements(By.id("username")).isEmpty());
        assertEquals(
                "dana@Entry-IT.example", driver.findElement(By.id("username")).getAttribute("value"));
    }

    private void fillRegistration(String username, String email) {
        driver.waiting().until(d -> !d.findElements(By.id("email")).isEmpty());
        type("firstName", "Test");
        type("lastName", "Person");
        type("email", email);
        type("username", username);
        type("password", OrgFixtures.PASSWORD);
        type("password-confirm", OrgFixtures.PASSWORD);
        driver.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
    }

    private void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
