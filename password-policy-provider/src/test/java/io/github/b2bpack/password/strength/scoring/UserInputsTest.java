package io.github.b2bpack.password.strength.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserInputsTest {

    @Test
    void emailIsSplitIntoLocalPartAndDomain() {
        List<String> values = UserInputs.none()
                .username("JDoe")
                .email("Jane.Doe@Acme-Corp.example")
                .firstName(" Jane ")
                .lastName(null)
                .realmName("acme")
                .asList();
        assertEquals(
                List.of(
                        "jdoe",
                        "jane.doe@acme-corp.example",
                        "jane.doe",
                        "acme-corp.example",
                        "acme-corp",
                        "jane",
                        "acme"),
                values);
    }

    @Test
    void hostileValuesAreCutAndCounted() {
        UserInputs inputs = UserInputs.none();
        for (int i = 0; i < 100; i++) {
            inputs.add(i + "x".repeat(10_000));
        }
        List<String> values = inputs.asList();
        assertEquals(UserInputs.MAX_VALUES, values.size());
        assertTrue(values.stream().allMatch(v -> v.length() <= UserInputs.MAX_CHARS));
        assertEquals(
                63,
                UserInputs.none()
                        .add("a".repeat(63) + "\ud83d\ude00")
                        .asList()
                        .get(0)
                        .length());
    }
}
