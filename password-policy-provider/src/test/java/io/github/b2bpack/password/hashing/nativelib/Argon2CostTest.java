package io.github.b2bpack.password.hashing.nativelib;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2CostTest {

    @Test
    void owaspDefaultsAndTheBenchmarkRowsAreInRange() {
        assertNull(Argon2Cost.DEFAULT.problem());
        assertNull(new Argon2Cost(7168, 5, 1).problem());
        assertNull(new Argon2Cost(47104, 1, 1).problem());
        assertNull(new Argon2Cost(65536, 3, 4).problem());
    }

    @Test
    void outOfRangeValuesAreNamed() {
        assertTrue(new Argon2Cost(512, 2, 1).problem().startsWith("memory must be between"));
        assertTrue(new Argon2Cost(Integer.MAX_VALUE, 2, 1).problem().startsWith("memory must be between"));
        assertTrue(new Argon2Cost(19456, 0, 1).problem().startsWith("iterations must be between"));
        assertTrue(new Argon2Cost(19456, 210_000, 1).problem().startsWith("iterations must be between"));
        assertTrue(new Argon2Cost(19456, 2, 0).problem().startsWith("parallelism must be between"));
        assertTrue(new Argon2Cost(19456, 2, 17).problem().startsWith("parallelism must be between"));
    }
}
