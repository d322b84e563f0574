package io.github.b2bpack.hibp.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.keycloak.policy.PasswordPolicyConfigException;

class HibpPasswordPolicyProviderTest {

    @Test
    void thresholdDefaultsToOneAndMustBeAtLeastOne() {
        assertEquals(1, HibpPasswordPolicyProvider.parseThreshold(null));
        assertEquals(1, HibpPasswordPolicyProvider.parseThreshold(" "));
        assertEquals(25, HibpPasswordPolicyProvider.parseThreshold(" 25 "));
        assertThrows(PasswordPolicyConfigException.class, () -> HibpPasswordPolicyProvider.parseThreshold("0"));
        assertThrows(PasswordPolicyConfigException.class, () -> HibpPasswordPolicyProvider.parseThreshold("-3"));
        assertThrows(PasswordPolicyConfigException.class, () -> HibpPasswordPolicyProvider.parseThreshold("many"));
        assertThrows(
                PasswordPolicyConfigException.class, () -> HibpPasswordPolicyProvider.parseThreshold("99999999999"));
    }
}
