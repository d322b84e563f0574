package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.HttpLoginSession;
import io.github.b2bpack.it.support.OidcClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Review of issue 11 (operator mistake): an {@code sms-otp} credential whose secret data the pack cannot
 * read (imported by a migration script with another field name) must not switch the second factor off
 * in the browser. The password grant already refused such a user (fail closed); the browser flow's
 * {@code Condition - user configured} asked {@code sms-otp-form}, which saw no number and said "not
 * configured", so the password alone ended in a login.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsUnreadableCredentialIT extends SmsOrgItBase {

    @Test
    void anUnreadableSmsCredentialStillStopsThePasswordAloneInTheBrowser() {
        SmsOrgRealm realm = org("Org IT Sms Unreadable");
        realm.useHttpSender();
        CredentialRepresentation sms = new CredentialRepresentation();
        sms.setType("sms-otp");
        // Another script's field name: the pack reads no number from it.
        sms.setSecretData("{\"number\":\"+33612345671\"}");
        sms.setCredentialData("{}");
        realm.createUserWith("uma", sms);

        // The password grant refuses the user (it counts any stored sms-otp credential) ...
        OidcClient.Response grant = realm.oidc().passwordGrant(SmsOrgRealm.APP, "uma", SmsOrgRealm.PASSWORD);
        assertEquals(400, grant.status(), grant.body());

        // ... and so must the browser: no authorization code for the password alone.
        HttpLoginSession browser = new HttpLoginSession()
                .get(realm.oidc().authorizationUrl(SmsOrgRealm.APP, realm.redirect()))
                .post(Map.of("username", "uma", "password", SmsOrgRealm.PASSWORD));
        System.out.println("unreadable sms-otp credential, browser login with the password alone: logged in = "
                + browser.loggedIn());
        assertFalse(browser.loggedIn(), "the password alone signed in a user who has an sms-otp credential");
        // The SMS page, telling the user the number cannot be used (a recovery code or an admin still helps).
        assertTrue(
                browser.pageContains("name=\"code\"") && browser.pageContains("This is not a valid mobile number"),
                browser.page());
    }
}
