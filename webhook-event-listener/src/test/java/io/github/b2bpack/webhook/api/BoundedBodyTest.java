package io.github.b2bpack.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void readsABodyUpToTheLimit() {
        String json = "{\"name\":\"é\"}";
        assertEquals(json, BoundedBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 64));
        assertEquals("", BoundedBody.read(null, 64));
        byte[] exact = new byte[100_000];
        assertEquals(
                100_000,
                BoundedBody.read(new ByteArrayInputStream(exact), 100_000).length());
    }

    /** An endless body: the read stops one byte past the limit instead of reading it all. */
    @Test
    void stopsOneBytePastTheLimit() {
        AtomicLong pulled = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                pulled.incrementAndGet();
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                pulled.addAndGet(len);
                return len;
            }
        };
        ApiException tooBig = assertThrows(ApiException.class, () -> BoundedBody.read(endless, BoundedBody.MAX_BYTES));
        assertTrue(tooBig.getMessage().contains("65536"), tooBig.getMessage());
        assertEquals(BoundedBody.MAX_BYTES + 1, pulled.get());
    }
}
