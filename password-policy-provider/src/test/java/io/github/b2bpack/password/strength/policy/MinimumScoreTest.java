package io.github.b2bpack.password.strength.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.policy.PasswordPolicyConfigException;

class MinimumScoreTest {

    @Test
    void acceptsZeroToFourAndDefaultsToThree() {
        assertEquals(0, MinimumScore.parse("0"));
        assertEquals(4, MinimumScore.parse(" 4 "));
        assertEquals(3, MinimumScore.parse(null));
        assertEquals(3, MinimumScore.parse(""));
    }

    @Test
    void refusesAnythingElse() {
        for (String value : List.of("5", "-1", "three", "3.5", "03", "\u0663")) {
            assertThrows(PasswordPolicyConfigException.class, () -> MinimumScore.parse(value), value);
        }
    }
}
