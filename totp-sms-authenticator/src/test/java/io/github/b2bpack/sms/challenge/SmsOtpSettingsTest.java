package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.code.CodePolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(30, SmsOtpSettings.from(Map.of("codeTtlSeconds", "30")).policy().ttl().toSeconds());
        assertEquals(900, SmsOtpSettings.from(Map.of("codeTtlSeconds", "900")).policy().ttl().toSeconds());
        for (Map<String, String> bad : new Map[] {
                Map.of("codeTtlSeconds", "29"), Map.of("codeTtlSeconds", "901"), Map.of("codeLength", "5"),
                Map.of("codeLength", "9"), Map.of("codeLength", "six"), Map.of("resendCooldownSeconds", "-1"),
                Map.of("maxSendsPerUserPerHour", "0"), Map.of("defaultRegion", "FRA"), Map.of("allowedCountries", "FR,XYZ")}) {
            CodePolicy.InvalidPolicyException e = assertThrows(CodePolicy.InvalidPolicyException.class, () -> SmsOtpSettings.from(bad));
            assertEquals(bad.keySet().iterator().next(), e.option());
        }
    }

    @Test
    void voipIsRefusedUnlessTheRealmSaysTrue() {
        assertEquals(false, SmsOtpSettings.from(Map.of()).allowVoip());
        assertEquals(false, SmsOtpSettings.UNCONFIGURED.allowVoip());
        assertEquals(true, SmsOtpSettings.from(Map.of("allowVoip", "TRUE")).allowVoip());
        assertEquals(false, SmsOtpSettings.from(Map.of("allowVoip", "false")).allowVoip());
        assertEquals("allowVoip", assertThrows(CodePolicy.InvalidPolicyException.class,
                () -> SmsOtpSettings.from(Map.of("allowVoip", "yes"))).option());
    }

    @Test
    void allowListIsParsedCaseInsensitively() {
        assertEquals(Set.of("FR", "DE"), SmsOtpSettings.from(Map.of("allowedCountries", "fr, DE")).allowedRegions());
    }
}
