package io.github.b2bpack.it.sms;

import static io.github.b2bpack.it.sms.SmsFlows.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.PageChange;
import io.github.b2bpack.testsupport.FakeSmsGateway;
import io.github.b2bpack.testsupport.SmtpSink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11, attack 1 (reset path): whoever can read a user's mailbox can follow the reset-credentials
 * link. Keycloak's reset flow logs the user in once the new password is set, so in an organization
 * realm the link must lead to the SMS code page first, and no session may exist before the code.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsResetCredentialsIT extends SmsItBase {

    static final String PHONE = "+33612345671";
    static final String NEW_PASSWORD = "Lx8!mQ2#vTz9-Granite-Owl";

    private SmtpSink smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new SmtpSink();
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    @Test
    void theResetLinkLeadsToTheSmsCodeNotToASession() {
        SmsOrgRealm realm = mailingOrg("Org IT Sms Reset");
        String samId = realm.createUser("sam", PHONE);

        followResetLink(realm, "sam");

        if (!browser.has("code") && browser.has("password-new")) {
            // The attack: the link alone leads to a new password and a logged-in session.
            setNewPassword();
            boolean loggedIn = waitForAuthorizationCode();
            int sessions =
                    admin.realm(realm.name).users().get(samId).getUserSessions().size();
            throw new AssertionError(
                    "reset link without the SMS code: update-password page shown, then redirect with a code="
                            + loggedIn + ", user sessions=" + sessions + ", SMS sent="
                            + gateway.messagesTo(PHONE).size());
        }
        assertTrue(browser.has("code"), "expected the SMS code page after the reset link:\n" + browser.text());
        List<FakeSmsGateway.Sms> texts = gateway.awaitMessagesTo(PHONE, 1, WAIT);
        assertEquals(1, texts.size(), "one SMS after the reset link");
        assertEquals(
                0,
                admin.realm(realm.name).users().get(samId).getUserSessions().size(),
                "no session before the SMS code");
        assertFalse(browser.has("password-new"), "no new password before the SMS code");

        // With the texted code the reset goes on: new password, then a session, as Keycloak does.
        browser.submitCode(texts.get(0).code());
        assertTrue(browser.has("password-new"), "update-password page after the SMS code:\n" + browser.text());
        setNewPassword();
        assertTrue(waitForAuthorizationCode(), browser.currentUrl());
        assertEquals(
                1, admin.realm(realm.name).users().get(samId).getUserSessions().size());
        // The new password is set, and the password grant still refuses this SMS user.
        OidcClient.Response grant = realm.oidc().passwordGrant(SmsOrgRealm.APP, "sam", NEW_PASSWORD);
        assertEquals(400, grant.status(), grant.body());
        assertEquals(SmsDirectGrantIT.REFUSAL, grant.field("error_description"));
    }

    /**
     * Issue 15: the template's reset flow used to end with Keycloak's "Reset OTP", which deleted the user's
     * authenticator app after the new password: the mailbox alone gave a session and room for the attacker's
     * own app. Now the app code comes right after the link, and the app stays.
     */
    @Test
    void theResetLinkLeadsToTheAppCodeAndTheAppStays() {
        SmsOrgRealm realm = mailingOrg("Org IT App Reset");
        String rawSecret = "B2bpackItResetSecret";
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel("phone app");
        otp.setSecretData("{\"value\":\"" + rawSecret + "\"}");
        otp.setCredentialData(
                "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        String appId = realm.createUserWith("appy", otp);

        followResetLink(realm, "appy");
        assertTrue(browser.has("otp"), "expected the app code page after the reset link:\n" + browser.text());
        assertFalse(browser.has("password-new"), "no new password before the app code");
        assertEquals(
                0, admin.realm(realm.name).users().get(appId).getUserSessions().size());

        browser.submitAppCode(Totp.next(rawSecret.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertTrue(browser.has("password-new"), "update-password page after the app code:\n" + browser.text());
        setNewPassword();
        assertTrue(waitForAuthorizationCode(), browser.currentUrl());
        assertTrue(
                admin.realm(realm.name).users().get(appId).credentials().stream()
                        .anyMatch(c -> c.getType().equals("otp")),
                "the reset keeps the app (Keycloak's Reset OTP is disabled in the template)");
        OidcClient.Response grant = realm.oidc().passwordGrant(SmsOrgRealm.APP, "appy", NEW_PASSWORD);
        assertEquals(400, grant.status(), grant.body());
        System.out.println("APP-RESET: reset link -> app code page, no session before it; app kept; password grant "
                + grant.status());
    }

    @Test
    void aUserWithoutSmsResetsWithTheEmailLinkAlone() {
        SmsOrgRealm realm = mailingOrg("Org IT Sms Reset Plain");
        realm.createUser("nora", null);

        followResetLink(realm, "nora");
        assertTrue(browser.has("password-new"), browser.text());
        setNewPassword();
        assertTrue(waitForAuthorizationCode(), browser.currentUrl());
        assertTrue(gateway.messages().isEmpty(), "no SMS for a user without a phone");
        OidcClient.Response tokens = realm.oidc().passwordGrant(SmsOrgRealm.APP, "nora", NEW_PASSWORD);
        assertEquals(200, tokens.status(), tokens.body());
    }

    /** An organization realm texting through the http sender and mailing to {@link #smtp}, deleted after the test. */
    private SmsOrgRealm mailingOrg(String displayName) {
        SmsOrgRealm realm = org(displayName);
        realm.useHttpSender();
        realm.useSmtp(smtp.port());
        return realm;
    }

    /** Asks for the user's reset email, which must come alone, and opens its link. */
    private void followResetLink(SmsOrgRealm realm, String username) {
        requestResetEmail(realm, username);
        List<SmtpSink.Mail> mails = smtp.await(1, WAIT);
        assertEquals(1, mails.size(), "one reset email");
        browser.open(mails.get(0).actionTokenLink());
    }

    /** Login page, "Forgot password?", the username: Keycloak mails the reset link. */
    private void requestResetEmail(SmsOrgRealm realm, String username) {
        driver.driver().manage().deleteAllCookies();
        driver.open(realm.oidc().authorizationUrl(SmsOrgRealm.APP, realm.redirect()));
        WebElement forgot = driver.findElement(By.cssSelector("a[href*='reset-credentials']"));
        browser.open(forgot.getAttribute("href"));
        WebElement name = driver.findElement(By.id("username"));
        name.sendKeys(username);
        WebElement page = driver.findElement(By.tagName("html"));
        name.submit();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(PageChange.left(page));
    }

    private void setNewPassword() {
        driver.findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
        WebElement confirm = driver.findElement(By.id("password-confirm"));
        confirm.sendKeys(NEW_PASSWORD);
        confirm.submit();
    }

    private boolean waitForAuthorizationCode() {
        try {
            new WebDriverWait(driver.driver(), Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().contains("code="));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}
