package io.github.b2bpack.hibp.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * A range API body is whatever the upstream (or anything on the path to it) sends. The parser must
 * return suffixes of 35 upper-case hex digits with positive counts, or throw
 * {@link RangeLookupException}; what it accepted must survive a round trip through the wire format
 * unchanged; a prefix of the body (the client may stop reading early) obeys the same contract.
 * Seeds: {@code RangeResponseParserFuzzTestInputs/body}, one raw body per file.
 */
class RangeResponseParserFuzzTest {

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void body(byte[] body) {
        RangeResult result = parse(body, body.length);
        parse(body, body.length / 2);
        if (result == null) {
            return;
        }
        StringBuilder wire = new StringBuilder();
        for (Map.Entry<String, Long> e : result.counts().entrySet()) {
            assertTrue(e.getKey().matches("[0-9A-F]{35}"), "suffix");
            assertTrue(e.getValue() > 0 && e.getValue() < 1_000_000_000_000L, "count");
            assertEquals((long) e.getValue(), result.count(e.getKey()));
            wire.append(e.getKey()).append(':').append(e.getValue()).append("\r\n");
        }
        byte[] again = wire.toString().getBytes(StandardCharsets.US_ASCII);
        RangeResult reparsed = parse(again, again.length);
        assertEquals(result.counts(), reparsed == null ? null : reparsed.counts(), "round trip");
    }

    private static RangeResult parse(byte[] body, int length) {
        try {
            RangeResult result = RangeResponseParser.parse(body, length);
            assertTrue(length <= RangeResponseParser.MAX_BODY_BYTES);
            return result;
        } catch (RangeLookupException expected) {
            return null;
        }
    }
}
