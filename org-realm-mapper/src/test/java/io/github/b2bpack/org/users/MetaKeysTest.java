package io.github.b2bpack.org.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"uid", "a", "employee_id", "x2", "a234567890123456789012345678901234567890"})
    void acceptsKeysThatAreKeycloakAttributeNames(String key) {
        assertEquals(key, MetaKeys.checkKey(key));
        assertTrue(MetaKeys.attribute(key).matches("[a-zA-Z0-9._-]+"), "Keycloak's attribute-name pattern");
        assertEquals(Optional.of(key), MetaKeys.keyOf(MetaKeys.attribute(key)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Uid",
                "1uid",
                "_uid",
                "u-id",
                "u.id",
                "u id",
                "é",
                "a2345678901234567890123456789012345678901"
            })
    void refusesOtherKeys(String key) {
        assertThrows(IllegalArgumentException.class, () -> MetaKeys.checkKey(key));
    }

    @Test
    void valuesAreOneTo255CharactersWithoutControlCharacters() {
        assertEquals("x".repeat(255), MetaKeys.checkValue("x".repeat(255)));
        assertThrows(IllegalArgumentException.class, () -> MetaKeys.checkValue("x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> MetaKeys.checkValue(""));
        assertThrows(IllegalArgumentException.class, () -> MetaKeys.checkValue(null));
        assertThrows(IllegalArgumentException.class, () -> MetaKeys.checkValue("a\tb"));
    }

    @Test
    void onlyPrefixedAttributesWithValidKeysAreMetadata() {
        assertEquals(Optional.empty(), MetaKeys.keyOf("nickname"));
        assertEquals(Optional.empty(), MetaKeys.keyOf("b2bpack.meta."));
        assertEquals(Optional.empty(), MetaKeys.keyOf("b2bpack.meta.Bad"));
        assertEquals(Optional.empty(), MetaKeys.keyOf(null));
    }
}
