package io.github.b2bpack.password.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntOptionTest {

    private static final IntOption MAX_COST = new IntOption("spi-password-hashing--bcrypt--max-cost", 4, 31);

    @Test
    void unsetOrBlankMeansTheDefaultAndValuesAreTrimmed() {
        assertEquals(14, MAX_COST.parse(null, 14));
        assertEquals(14, MAX_COST.parse("  ", 14));
        assertEquals(31, MAX_COST.parse(" 31 ", 14));
        assertEquals(4, MAX_COST.parse("4", 14));
    }

    @Test
    void aBadValueNamesTheOptionTheValueAndTheRange() {
        for (String bad : new String[] {"3", "32", "lots", "1e3", "99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAX_COST.parse(bad, 14));
            assertEquals(
                    "Option spi-password-hashing--bcrypt--max-cost=" + bad
                            + " is invalid: expected an integer in [4, 31]",
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAX_COST.require(40));
        assertEquals(
                "Option spi-password-hashing--bcrypt--max-cost=40 is invalid: expected an integer in [4, 31]",
                e.getMessage());
        assertEquals(20, MAX_COST.require(20));
    }

    @Test
    void anIntOptionWithoutRangeOnlyChecksTheForm() {
        IntOption memory = IntOption.anyInt("spi-password-hashing--argon2-native--memory");
        assertEquals(-5, memory.parse("-5", 19456));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> memory.parse("19 MiB", 19456));
        assertEquals(
                "Option spi-password-hashing--argon2-native--memory=19 MiB is invalid: expected an integer",
                e.getMessage());
    }

    @Test
    void anEmptyRangeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new IntOption("x", 2, 1));
    }
}
