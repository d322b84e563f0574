package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataRequestTest {

    @Test
    void readsJsonAndCryptrsFormEncoding() {
        assertEquals(
                new MetadataRequest("uid", "2fa42937"),
                MetadataRequest.parse("{\"key\":\"uid\",\"value\":\"2fa42937\"}", true));
        assertEquals(
                new MetadataRequest("uid", "2fa 42937&"), MetadataRequest.parse("key=uid&value=2fa+42937%26", true));
        assertNull(MetadataRequest.parse("{\"key\":\"uid\"}", false).value());
        assertEquals("uid", MetadataRequest.parse("key=uid", false).key());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{}",
                "{\"key\":\"uid\"}",
                "{\"key\":\"uid\",\"value\":\"\"}",
                "{\"key\":\"uid\",\"value\":3}",
                "{\"key\":\"Uid\",\"value\":\"x\"}",
                "{\"key\":\"1uid\",\"value\":\"x\"}",
                "{\"key\":\"u.id\",\"value\":\"x\"}",
                "{\"key\":\"uid\",\"value\":\"x\",\"other\":\"y\"}",
                "{\"key\":\"uid\",\"value\":\"a\\nb\"}",
                "key=uid&key=uid&value=x",
                "key=uid&value=%ZZ",
                "[\"uid\"]"
            })
    void refusesMalformedBodies(String body) {
        assertThrows(IllegalArgumentException.class, () -> MetadataRequest.parse(body, true));
    }

    @Test
    void keyOnlyBodiesRefuseAValue() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MetadataRequest.parse("{\"key\":\"uid\",\"value\":\"x\"}", false));
    }
}
