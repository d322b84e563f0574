package io.github.b2bpack.magiclink.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypedAddressTest {

    @Test
    void keepsATrimmedAddress() {
        assertEquals(Optional.of("ann@example.com"), TypedAddress.parse("  ann@example.com "));
    }

    @Test
    void refusesWhatIsNotShapedLikeAnAddress() {
        for (String bad : new String[] {
            null,
            "",
            "   ",
            "ann",
            "@example.com",
            "ann@",
            "a@b@c",
            "ann @example.com",
            "ann@exa\nmple.com",
            "a".repeat(250) + "@b.co"
        }) {
            assertTrue(TypedAddress.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }
}
