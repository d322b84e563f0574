package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.HttpLoginSession;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Attack of the review: the per-number cap was shared by enrollment codes (sent to any number a user
 * types) and login codes (sent to a verified number), across realms. A user of one realm typed a
 * victim's number at enrollment and resent until the cap was spent; the victim, a user of another realm
 * whose verified phone it is, then got no login code for the hour (before the fix: 5 enrollment SMS,
 * no login code, "Too many codes were sent"). Each purpose now has its own budget per number.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsNumberCapDenialIT extends SmsItBase {

    @Test
    void enrollmentCodesOfAnotherRealmCannotSpendTheLoginBudgetOfAVictimNumber() throws Exception {
        String victimNumber = "+33612345791";
        SmsTestRealm attackerRealm =
                realm("sms-dos-attacker", Map.of("sender", "http", "resendCooldownSeconds", "0"), 0);
        SmsTestRealm victimRealm = realm("sms-dos-victim", Map.of("sender", "http"), 0);
        UserRepresentation rep =
                Fixtures.userWithPassword("vic", "vic@example.com", "Vic", "Tim", SmsTestRealm.PASSWORD);
        CredentialRepresentation phone = new CredentialRepresentation();
        phone.setType("sms-otp");
        phone.setSecretData("{\"phone\":\"" + victimNumber + "\"}");
        phone.setCredentialData("{\"maskedPhone\":\"+33*******91\"}");
        rep.setCredentials(List.of(Fixtures.password(SmsTestRealm.PASSWORD), phone));
        try (Response r = admin.realm(victimRealm.name).users().create(rep)) {
            assertEquals(201, r.getStatus());
        }

        // alice (attacker realm, a plain user with enrollment pending) types the victim's number and resends.
        HttpLoginSession attacker = new HttpLoginSession()
                .loginAt(attackerRealm.authorizationUrl(), SmsTestRealm.USER, SmsTestRealm.PASSWORD);
        attacker.post(Map.of("phone", victimNumber));
        for (int i = 0; i < 6; i++) {
            attacker.post(Map.of("resend", "true"));
        }
        int enrollmentSms =
                gateway.awaitMessagesTo(victimNumber, 7, Duration.ofSeconds(3)).size();
        assertTrue(attacker.pageContains("Too many codes were sent"), "the attacker hits the enrollment cap");

        // The victim signs in to their own realm with the right password.
        HttpLoginSession victim =
                new HttpLoginSession().loginAt(victimRealm.authorizationUrl(), "vic", SmsTestRealm.PASSWORD);
        int total = gateway.awaitMessagesTo(victimNumber, enrollmentSms + 1, Duration.ofSeconds(10))
                .size();
        boolean refused = victim.pageContains("Too many codes were sent");
        System.out.println("SMS-NUMBER-DOS: enrollment SMS to the victim's number from another realm's user: "
                + enrollmentSms + "; victim's login code sent: " + (total > enrollmentSms)
                + "; victim told 'too many codes': " + refused);
        assertEquals(3, enrollmentSms, "enrollment codes to one number: 3 per hour by default");
        assertEquals(enrollmentSms + 1, total, "the victim still gets a login code");
        assertFalse(refused, victim.page());
    }
}
