package io.github.b2bpack.it.sms;

import static io.github.b2bpack.it.sms.SmsFlows.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.Users;
import io.github.b2bpack.testsupport.FakeSmsGateway;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11, attack 1 (identity providers): a login through an identity provider never runs the browser
 * flow's SMS step. Keycloak binds post-login flows per identity provider, so the template ships
 * {@code b2bpack post broker login} and the operator sets it on each provider; this test shows the gap
 * without it and the SMS step with it. The provider is a second realm of the same server (real OIDC).
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsBrokerLoginIT extends SmsItBase {

    static final String PHONE = "+33612345673";
    static final String IDP = "corp";
    static final String IDP_REALM = "sms-corp-idp";
    static final String IDP_SECRET = "it-broker-secret-0123456789";

    @AfterEach
    void dropIdentityProviderRealm() {
        admin.realms().realm(IDP_REALM).remove();
    }

    @Test
    void aBrokeredLoginOfAnSmsUserAsksForTheCodeWithThePackPostLoginFlow() {
        SmsOrgRealm realm = org("Org IT Sms Broker");
        realm.useHttpSender();
        String samId = realm.createUser("sam", PHONE);
        String corpUserId = identityProviderRealm(realm);
        FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
        link.setIdentityProvider(IDP);
        link.setUserId(corpUserId);
        link.setUserName("sam");
        admin.realm(realm.name)
                .users()
                .get(samId)
                .addFederatedIdentity(IDP, link)
                .close();

        // The template alone: the provider has no post-login flow, so the brokered login skips the SMS step.
        boolean sessionWithoutSms = brokeredLogin(realm);
        int smsWithout = gateway.messagesTo(PHONE).size();
        // What docs/totp-sms-authenticator.md tells operators: the provider needs the post-login flow.
        assertTrue(
                sessionWithoutSms && smsWithout == 0,
                "without the post-login flow: session=" + sessionWithoutSms + ", SMS=" + smsWithout);

        // With the pack's post-login flow set on the provider, as docs/totp-sms-authenticator.md says.
        IdentityProviderRepresentation idp =
                admin.realm(realm.name).identityProviders().get(IDP).toRepresentation();
        idp.setPostBrokerLoginFlowAlias("b2bpack post broker login");
        admin.realm(realm.name).identityProviders().get(IDP).update(idp);
        admin.realm(realm.name).users().get(samId).logout();
        admin.realm(IDP_REALM).users().get(corpUserId).logout();
        boolean sessionWithFlow = brokeredLogin(realm);
        assertFalse(
                sessionWithFlow, "brokered login ended in a session without the SMS code (the template flow was set)");
        assertTrue(browser.has("code"), browser.text());
        List<FakeSmsGateway.Sms> texts = gateway.awaitMessagesTo(PHONE, 1, WAIT);
        assertEquals(1, texts.size());
        assertEquals(
                0,
                admin.realm(realm.name).users().get(samId).getUserSessions().size(),
                "no session before the SMS code");
        browser.submitCode(texts.get(0).code());
        browser.awaitAuthorizationCode();
        // Recorded for the report: without the post-login flow the login had no SMS step.
        System.out.printf(
                "brokered login of an SMS user: without the post-login flow session=%s sms=%d; with it session-before-code=%s%n",
                sessionWithoutSms, smsWithout, sessionWithFlow);
    }

    /** Opens the app's login, picks the provider, signs in there; true when it came back with an authorization code. */
    private boolean brokeredLogin(SmsOrgRealm realm) {
        driver.driver().manage().deleteAllCookies();
        driver.open(realm.oidc().authorizationUrl(SmsOrgRealm.APP, realm.redirect()));
        browser.click("social-" + IDP);
        // Selenium deletes only the cookies of the current page's path, so the provider may still know sam.
        if (driver.getCurrentUrl().contains("/realms/" + IDP_REALM + "/")) {
            if (!browser.has("password")) {
                throw new AssertionError(
                        "no login form at the identity provider: " + driver.getCurrentUrl() + "\n" + browser.text());
            }
            driver.findElement(By.id("username")).sendKeys("sam");
            driver.findElement(By.id("password")).sendKeys(SmsOrgRealm.PASSWORD);
            browser.click("kc-login");
        }
        try {
            new WebDriverWait(driver.driver(), Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("code=")
                            || !d.findElements(By.id("code")).isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("neither a code nor the SMS page after the provider login: "
                    + driver.getCurrentUrl() + "\n" + browser.text());
        }
        return driver.getCurrentUrl().contains("code=");
    }

    /** A second realm acting as the OIDC provider, with user sam; returns that user's id. */
    private String identityProviderRealm(SmsOrgRealm realm) {
        admin.realms().create(Fixtures.enabledRealm(IDP_REALM));
        ClientRepresentation broker = new ClientRepresentation();
        broker.setClientId("it-broker");
        broker.setSecret(IDP_SECRET);
        broker.setPublicClient(false);
        broker.setStandardFlowEnabled(true);
        broker.setRedirectUris(List.of(realm.url() + "/broker/" + IDP + "/endpoint"));
        try (Response created = admin.realm(IDP_REALM).clients().create(broker)) {
            assertEquals(201, created.getStatus(), "client at the identity provider");
        }
        String userId = Users.create(
                admin,
                IDP_REALM,
                Fixtures.userWithPassword("sam", "sam@corp-it.example", "Sam", "Corp", SmsOrgRealm.PASSWORD));
        String base = Fixtures.realmUrl(IDP_REALM) + "/protocol/openid-connect";
        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias(IDP);
        idp.setProviderId("oidc");
        idp.setEnabled(true);
        idp.setConfig(Map.of(
                "clientId",
                "it-broker",
                "clientSecret",
                IDP_SECRET,
                "clientAuthMethod",
                "client_secret_post",
                "authorizationUrl",
                base + "/auth",
                "tokenUrl",
                base + "/token",
                "userInfoUrl",
                base + "/userinfo",
                "defaultScope",
                "openid",
                "syncMode",
                "IMPORT",
                "validateSignature",
                "false"));
        admin.realm(realm.name).identityProviders().create(idp).close();
        return userId;
    }
}
