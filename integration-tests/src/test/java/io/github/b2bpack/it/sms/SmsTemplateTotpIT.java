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
 * Users of an organization realm who set up Keycloak's authenticator app (the account console offers it)
 * must give its code on every path, as SMS users do: the template's direct-grant flow always asked for it,
 * its browser flow did not (found in an attack review: the password alone signed in).
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsTemplateTotpIT extends SmsOrgItBase {

    @Test
    void aTotpUserIsAskedForTheAppCodeInTheBrowserAndTheDirectGrant() {
        SmsOrgRealm realm = org("Org IT Totp Review");
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel("phone app");
        otp.setSecretData("{\"value\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}");
        otp.setCredentialData(
                "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        realm.createUserWith("otto", otp);
        OidcClient.Response grant = realm.oidc().passwordGrant(SmsOrgRealm.APP, "otto", SmsOrgRealm.PASSWORD);
        HttpLoginSession browser = new HttpLoginSession()
                .get(realm.oidc().authorizationUrl(SmsOrgRealm.APP, realm.redirect()))
                .post(Map.of("username", "otto", "password", SmsOrgRealm.PASSWORD));
        System.out.println("TEMPLATE-TOTP: password grant without totp -> " + grant.status()
                + "; browser login with the password alone -> logged in = " + browser.loggedIn());
        assertEquals(400, grant.status(), grant.body());
        assertFalse(browser.loggedIn(), "the password alone must not sign a TOTP user in");
        assertTrue(browser.pageContains("name=\"otp\""), "the browser must ask for the app code");
    }
}
