package io.github.b2bpack.hibp.offline;

/**
 * Breach counts in one byte. Codes 1-127 are the exact count; from 128 on, a code keeps the
 * leading three bits of the count (a 2-bit mantissa under the implicit leading one) and its
 * exponent, and decodes to a lower bound at most 25 % below the true count. A threshold of 1-128
 * therefore gives exactly the verdicts the range API gives; larger thresholds may accept a password
 * whose true count is up to 25 % above the threshold's bucket floor (documented in docs/hibp-policy.md).
 */
public final class CountCodec {

    private static final int EXACT_LIMIT = 128;

    private CountCodec() {}

    /** @param count at least 1 */
    public static byte encode(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (count < EXACT_LIMIT) {
            return (byte) count;
        }
        int log2 = 63 - Long.numberOfLeadingZeros(count); // >= 7
        int shift = log2 - 2; // >= 5
        int mantissa = (int) ((count >> shift) & 3);
        int code = EXACT_LIMIT + (shift - 5) * 4 + mantissa;
        return (byte) Math.min(code, 255);
    }

    /** Lower bound of the count a code stands for; 0 for code 0 (never written). */
    public static long decode(byte code) {
        int c = code & 0xFF;
        if (c < EXACT_LIMIT) {
            return c;
        }
        int shift = (c - EXACT_LIMIT) / 4 + 5;
        int mantissa = (c - EXACT_LIMIT) % 4;
        return (4L + mantissa) << shift;
    }
}
