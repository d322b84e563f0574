package io.github.b2bpack.hibp.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountCodecTest {

    @Test
    void countsBelow128AreExact() {
        for (long c = 1; c < 128; c++) {
            assertEquals(c, CountCodec.decode(CountCodec.encode(c)));
        }
    }

    @Test
    void largerCountsDecodeToALowerBoundWithin25Percent() {
        long previous = 0;
        for (long c = 128; c < 10_000_000_000L; c = c + 1 + c / 97) {
            long decoded = CountCodec.decode(CountCodec.encode(c));
            assertTrue(decoded <= c && decoded > c * 0.75, c + " -> " + decoded);
            assertTrue(decoded >= previous, "monotonic");
            previous = decoded;
        }
        assertEquals(128, CountCodec.decode(CountCodec.encode(128)));
    }

    @Test
    void zeroIsNotACount() {
        assertThrows(IllegalArgumentException.class, () -> CountCodec.encode(0));
    }
}
