package io.github.b2bpack.hibp.range;

import java.util.HashMap;
import java.util.Map;

/**
 * Strict parser of a range API body: lines {@code SUFFIX:COUNT} separated by CRLF or LF, the suffix
 * exactly 35 hex digits, the count a decimal of at most 12 digits. Anything else fails the whole
 * response: a half-understood answer must not be mistaken for "not breached".
 * Lines with count 0 are {@code Add-Padding} filler and are dropped.
 */
public final class RangeResponseParser {

    /** Real answers are about 40 KB with padding (800-1,000 lines); anything far bigger is not HIBP. */
    public static final int MAX_BODY_BYTES = 512 * 1024;

    private static final int SUFFIX_LENGTH = 35;
    private static final int MAX_COUNT_DIGITS = 12;

    private RangeResponseParser() {}

    public static RangeResult parse(byte[] body, int length) throws RangeLookupException {
        if (length > MAX_BODY_BYTES) {
            throw new RangeLookupException("response larger than " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, Long> counts = new HashMap<>();
        int line = 0;
        int pos = 0;
        while (pos < length) {
            int end = pos;
            while (end < length && body[end] != '\n') {
                end++;
            }
            int lineEnd = end > pos && body[end - 1] == '\r' ? end - 1 : end;
            line++;
            if (lineEnd == pos) {
                throw new RangeLookupException("malformed response: empty line " + line);
            }
            parseLine(body, pos, lineEnd, line, counts);
            pos = end + 1;
        }
        return new RangeResult(counts);
    }

    private static void parseLine(byte[] b, int from, int to, int line, Map<String, Long> counts)
            throws RangeLookupException {
        int colon = from + SUFFIX_LENGTH;
        if (to - from < SUFFIX_LENGTH + 2 || b[colon] != ':') {
            throw new RangeLookupException("malformed response: line " + line);
        }
        char[] suffix = new char[SUFFIX_LENGTH];
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            int c = b[from + i];
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
                suffix[i] = (char) c;
            } else if (c >= 'a' && c <= 'f') {
                suffix[i] = (char) (c - 32);
            } else {
                throw new RangeLookupException("malformed response: line " + line);
            }
        }
        int digits = to - colon - 1;
        if (digits > MAX_COUNT_DIGITS) {
            throw new RangeLookupException("malformed response: line " + line);
        }
        long count = 0;
        for (int i = colon + 1; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                throw new RangeLookupException("malformed response: line " + line);
            }
            count = count * 10 + (c - '0');
        }
        if (count > 0) {
            counts.merge(new String(suffix), count, Math::max);
        }
    }
}
