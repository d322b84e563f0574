package io.github.b2bpack.sms.headless.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestParamsTest {

    @Test
    void formFieldsAsCurlSendsThem() {
        RequestParams p =
                RequestParams.form("user_email=lyla%40loirama.co&plain_text=+spaced+pass+&force_enroll=TRUE&x");
        assertEquals(Optional.of("lyla@loirama.co"), p.text("user_email"));
        assertEquals(Optional.of(" spaced pass "), p.raw("plain_text"));
        assertEquals(Optional.of("spaced pass"), p.text("plain_text"));
        assertTrue(p.flag("force_enroll", false));
        assertEquals(Optional.empty(), p.text("x"));
        assertEquals(Optional.empty(), p.text("missing"));
        assertFalse(p.flag("missing", false));
    }

    @Test
    void firstValueOfARepeatedFieldWins() {
        assertEquals(Optional.of("1"), RequestParams.form("code=1&code=2").text("code"));
    }

    @Test
    void badInputIsARefusal() {
        assertThrows(IllegalArgumentException.class, () -> RequestParams.form("code=%zz"));
        assertThrows(
                IllegalArgumentException.class, () -> RequestParams.form("a=" + "x".repeat(RequestParams.MAX_BODY)));
        assertThrows(
                IllegalArgumentException.class,
                () -> RequestParams.of(Map.of("a", "x".repeat(RequestParams.MAX_VALUE + 1))));
        assertThrows(
                IllegalArgumentException.class,
                () -> RequestParams.form("force_enroll=yes").flag("force_enroll", false));
    }

    @Test
    void nullsFromJsonAreDropped() {
        Map<String, String> values = new HashMap<>();
        values.put("code", null);
        values.put("method", "sms");
        RequestParams p = RequestParams.of(values);
        assertEquals(Optional.empty(), p.text("code"));
        assertEquals(Optional.of("sms"), p.text("method"));
    }

    @Test
    void emptyBodies() {
        assertEquals(Optional.empty(), RequestParams.form(null).text("a"));
        assertEquals(Optional.empty(), RequestParams.form("").text("a"));
    }
}
