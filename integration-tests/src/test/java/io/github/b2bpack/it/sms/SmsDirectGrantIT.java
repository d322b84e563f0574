package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 11, attack 1: in an organization realm made from the pack's template, a user with an SMS
 * second factor must not get tokens with the password alone through the password grant, neither on
 * Keycloak's own {@code admin-cli} nor on an app client with direct grant. Users without SMS, and
 * clients an admin explicitly exempts, keep the password grant.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsDirectGrantIT extends SmsOrgItBase {

    static final String SMS_USER = "sam";
    static final String PHONE = "+33612345670";
    static final String REFUSAL = "This account requires the SMS second factor; sign in through the browser";

    @Test
    void passwordAloneGetsNoTokenForAnSmsUserOnAdminCliOrAnAppClient() {
        SmsOrgRealm realm = org("Org IT Sms Direct Grant");
        String samId = realm.createUser(SMS_USER, PHONE);
        realm.createUser("nora", null);
        OidcClient oidc = realm.oidc();

        Map<String, OidcClient.Response> sms = new LinkedHashMap<>();
        for (String client : List.of("admin-cli", SmsOrgRealm.APP)) {
            sms.put(client, oidc.passwordGrant(client, SMS_USER, SmsOrgRealm.PASSWORD));
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        sms.forEach((client, r) -> statuses.put(client, r.status()));
        for (Map.Entry<String, OidcClient.Response> e : sms.entrySet()) {
            OidcClient.Response r = e.getValue();
            assertTrue(
                    r.status() != 200,
                    "password grant of an SMS user on " + e.getKey() + " gave tokens; statuses per client: "
                            + statuses);
            assertEquals(400, r.status(), e.getKey() + ": " + r.body());
            assertEquals("invalid_grant", r.field("error"), r.body());
            assertEquals(REFUSAL, r.field("error_description"), r.body());
        }

        // The refusals are not brute-force failures: nothing was guessed, the account stays usable.
        Object failures = admin.realm(realm.name)
                .attackDetection()
                .bruteForceUserStatus(samId)
                .get("numFailures");
        assertEquals(0, ((Number) failures).intValue(), "brute-force failures after the refusals");

        // A user without an SMS credential keeps the password grant on both clients.
        for (String client : List.of("admin-cli", SmsOrgRealm.APP)) {
            OidcClient.Response tokens = oidc.passwordGrant(client, "nora", SmsOrgRealm.PASSWORD);
            assertEquals(200, tokens.status(), client + ": " + tokens.body());
            assertNotNull(tokens.field("access_token"));
        }
        // A wrong password still gets Keycloak's own answer (400 in 26.7): the SMS step comes after the password.
        OidcClient.Response wrong = oidc.passwordGrant(SmsOrgRealm.APP, SMS_USER, "not-the-password-123");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("invalid_grant", wrong.field("error"));
        assertEquals("Invalid user credentials", wrong.field("error_description"));

        // Each refusal is a LOGIN_ERROR naming the pack's action; no phone number in it.
        List<EventRepresentation> refusals =
                admin
                        .realm(realm.name)
                        .getEvents(List.of("LOGIN_ERROR"), null, samId, null, null, null, 0, 100)
                        .stream()
                        .filter(e -> e.getDetails() != null
                                && "sms_otp.direct_grant_refused"
                                        .equals(e.getDetails().get("b2bpack_event")))
                        .toList();
        assertEquals(2, refusals.size(), refusals.toString());
        for (EventRepresentation e : refusals) {
            assertEquals("sms_second_factor_required", e.getError());
            assertTrue(!String.valueOf(e.getDetails()).contains(PHONE), String.valueOf(e.getDetails()));
        }
        assertEquals(
                List.of("admin-cli", SmsOrgRealm.APP),
                refusals.stream().map(EventRepresentation::getClientId).sorted().toList());
    }

    @Test
    void anExemptedClientStillGetsTokensAndNoOtherClientDoes() {
        SmsOrgRealm realm = org("Org IT Sms Exempt");
        realm.createUser(SMS_USER, PHONE);
        realm.createClient("it-legacy");
        String directGrant = admin.realm(realm.name).toRepresentation().getDirectGrantFlow();
        AuthenticationExecutionInfoRepresentation step = realm.execution(directGrant, "direct-grant-sms-otp");
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias("sms-direct-grant-exemptions");
        // As the admin console stores a multivalued string.
        config.setConfig(Map.of("exemptClients", "it-legacy##it-batch"));
        admin.realm(realm.name).flows().newExecutionConfig(step.getId(), config).close();

        OidcClient oidc = realm.oidc();
        OidcClient.Response legacy = oidc.passwordGrant("it-legacy", SMS_USER, SmsOrgRealm.PASSWORD);
        assertEquals(200, legacy.status(), legacy.body());
        assertNotNull(legacy.field("access_token"));
        for (String client : List.of("admin-cli", SmsOrgRealm.APP)) {
            OidcClient.Response refused = oidc.passwordGrant(client, SMS_USER, SmsOrgRealm.PASSWORD);
            assertEquals(400, refused.status(), client + ": " + refused.body());
            assertEquals("invalid_grant", refused.field("error"));
        }
        boolean audited = admin.realm(realm.name).getEvents().stream()
                .anyMatch(e -> e.getDetails() != null
                        && "sms_otp.direct_grant_exempted".equals(e.getDetails().get("b2bpack_event"))
                        && "it-legacy".equals(e.getDetails().get("exempt_client")));
        assertTrue(audited, "an exempted password grant is recorded as an event");
    }
}
