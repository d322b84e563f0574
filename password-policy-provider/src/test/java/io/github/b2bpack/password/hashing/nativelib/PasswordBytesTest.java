package io.github.b2bpack.password.hashing.nativelib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordBytesTest {

    @Test
    void wellFormedTextIsItsUtf8() {
        for (String password : new String[] {
            "",
            "Correct-Horse-9",
            "nul\u0000inside",
            "é à ü ß",
            "パスワード",
            "emoji 🔐🦄 mix",
            "\u200Frtl\u202Emark",
            "\uFFFD\uFFFF",
            "a".repeat(10_000)
        }) {
            assertArrayEquals(password.getBytes(StandardCharsets.UTF_8), PasswordBytes.of(password), password);
        }
    }

    @Test
    void loneSurrogatesStayDistinctFromEveryOtherPassword() {
        byte[] lone = PasswordBytes.of("a\uD800");
        assertFalse(java.util.Arrays.equals(lone, PasswordBytes.of("a?")));
        assertFalse(java.util.Arrays.equals(lone, PasswordBytes.of("a\uFFFD")));
        assertFalse(java.util.Arrays.equals(PasswordBytes.of("\uDC00\uD800"), PasswordBytes.of("\uD800\uDC00")));
        assertEquals(4, lone.length);
        assertArrayEquals(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, lone);
    }
}
