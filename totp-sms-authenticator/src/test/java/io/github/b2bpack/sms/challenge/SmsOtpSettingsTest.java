package io.github.b2bpack.sms.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.sms.option.InvalidOptionException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmsOtpSettingsTest {

    @Test
    void defaultsFollowTheIssue() {
        SmsOtpSettings s = SmsOtpSettings.from(Map.of());
        assertEquals(6, s.policy().length());
        assertEquals(600, s.policy().ttl().toSeconds());
        assertEquals(3, s.policy().maxAttempts());
        assertEquals(30, s.policy().resendCooldown().toSeconds());
        assertEquals(5, s.policy().maxSendsPerUserPerHour());
        assertNull(s.senderId(), "no sender until the admin picks one: no silent simulation");
    }

    @Test
    void boundsAreEnforcedWithTheOptionNamed() {
        assertEquals(
                30,
                SmsOtpSettings.from(Map.of("codeTtlSeconds", "30"))
                        .policy()
                        .ttl()
                        .toSeconds());
        assertEquals(
                900,
                SmsOtpSettings.from(Map.of("codeTtlSeconds", "900"))
                        .policy()
                        .ttl()
                        .toSeconds());
        Map<Map<String, String>, String> refusals = Map.of(
                Map.of("codeTtlSeconds", "29"), "codeTtlSeconds must be between 30 and 900",
                Map.of("codeTtlSeconds", "901"), "codeTtlSeconds must be between 30 and 900",
                Map.of("codeLength", "5"), "codeLength must be between 6 and 8",
                Map.of("codeLength", "9"), "codeLength must be between 6 and 8",
                Map.of("codeLength", "six"), "codeLength must be a whole number",
                Map.of("resendCooldownSeconds", "-1"), "resendCooldownSeconds must be between 0 and 600",
                Map.of("maxSendsPerUserPerHour", "0"), "maxSendsPerUserPerHour must be between 1 and 100",
                Map.of("maxSendsPerIpPerHour", "10001"), "maxSendsPerIpPerHour must be between 1 and 10000",
                Map.of("defaultRegion", "FRA"), "defaultRegion must be a 2-letter ISO 3166 region",
                Map.of("allowedCountries", "FR,XYZ"), "allowedCountries must list 2-letter ISO 3166 regions");
        refusals.forEach((bad, message) -> assertEquals(
                message,
                assertThrows(InvalidOptionException.class, () -> SmsOtpSettings.from(bad))
                        .getMessage()));
    }

    @Test
    void voipIsRefusedUnlessTheRealmSaysTrue() {
        assertEquals(false, SmsOtpSettings.from(Map.of()).allowVoip());
        assertEquals(false, SmsOtpSettings.UNCONFIGURED.allowVoip());
        assertEquals(true, SmsOtpSettings.from(Map.of("allowVoip", "TRUE")).allowVoip());
        assertEquals(false, SmsOtpSettings.from(Map.of("allowVoip", "false")).allowVoip());
        assertEquals(
                "allowVoip must be true or false",
                assertThrows(InvalidOptionException.class, () -> SmsOtpSettings.from(Map.of("allowVoip", "yes")))
                        .getMessage());
    }

    @Test
    void allowListIsParsedCaseInsensitively() {
        assertEquals(
                Set.of("FR", "DE"),
                SmsOtpSettings.from(Map.of("allowedCountries", "fr, DE")).allowedRegions());
    }
}
