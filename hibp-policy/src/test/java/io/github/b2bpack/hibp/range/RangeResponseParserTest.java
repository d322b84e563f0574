package io.github.b2bpack.hibp.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RangeResponseParserTest {

    private static RangeResult parse(String body) throws RangeLookupException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RangeResponseParser.parse(bytes, bytes.length);
    }

    @Test
    void readsCountsAndDropsPaddingLines() throws Exception {
        RangeResult result = parse("0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n"
                + "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n"
                + "011053FD0102E94D6AE2F8B83D76FAF94F6:3\r\n");
        assertEquals(2, result.counts().size());
        assertEquals(10, result.count("0018A45C4D1DEF81644B54AB7F969B88D65"));
        assertEquals(0, result.count("00D4F6E8FA6EECAD2A3AA415EEC418D38EC"));
        assertEquals(3, result.count("011053FD0102E94D6AE2F8B83D76FAF94F6"));
    }

    @Test
    void acceptsLfLowerCaseHexAndNoTrailingNewline() throws Exception {
        RangeResult result = parse("0018a45c4d1def81644b54ab7f969b88d65:7\n011053FD0102E94D6AE2F8B83D76FAF94F6:1");
        assertEquals(7, result.count("0018A45C4D1DEF81644B54AB7F969B88D65"));
        assertEquals(1, result.count("011053FD0102E94D6AE2F8B83D76FAF94F6"));
        assertEquals(0, parse("").counts().size());
    }

    @Test
    void rejectsAnythingNotInTheFormat() {
        String[] bad = {
            "<html>Attention Required</html>",
            "0018A45C4D1DEF81644B54AB7F969B88D65:",
            "0018A45C4D1DEF81644B54AB7F969B88D6:1",
            "0018A45C4D1DEF81644B54AB7F969B88D65Z:1",
            "0018A45C4D1DEF81644B54AB7F969B88D6G:1",
            "0018A45C4D1DEF81644B54AB7F969B88D65:-1",
            "0018A45C4D1DEF81644B54AB7F969B88D65:1 ",
            "0018A45C4D1DEF81644B54AB7F969B88D65:1234567890123",
            "\r\n0018A45C4D1DEF81644B54AB7F969B88D65:1",
            "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n\r\n",
        };
        for (String body : bad) {
            RangeLookupException e = assertThrows(RangeLookupException.class, () -> parse(body), body);
            assertEquals(false, e.getMessage().contains("0018A"), "the message must not echo the body");
        }
    }

    @Test
    void rejectsBodiesOverTheCap() {
        byte[] big = new byte[RangeResponseParser.MAX_BODY_BYTES + 1];
        assertThrows(RangeLookupException.class, () -> RangeResponseParser.parse(big, big.length));
    }

    @Test
    void hashSplitsIntoPrefixAndSuffixAndHidesThemInToString() {
        PasswordHash hash = PasswordHash.of("password");
        assertEquals("5BAA6", hash.prefix());
        assertEquals("1E4C9B93F3F0682250B6CF8331B7EE68FD8", hash.suffix());
        assertEquals(0x5BAA61E4C9B93F3FL, hash.top64());
        assertEquals("PasswordHash[redacted]", hash.toString());
    }
}
