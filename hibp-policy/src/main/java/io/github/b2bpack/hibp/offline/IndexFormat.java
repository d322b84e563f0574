package io.github.b2bpack.hibp.offline;

import java.nio.ByteBuffer;

/**
 * Layout of the offline index file (all integers big-endian):
 * <pre>
 * header   64 bytes: magic "B2BHIBP1", int prefixBits (20), int fingerprintBytes (5), long entries, zero padding
 * buckets  (2^20 + 1) longs: index of the first entry of each 20-bit SHA-1 prefix, then the total
 * entries  6 bytes each, sorted within a bucket: SHA-1 bits 20-59 (5 bytes), then the count code ({@link CountCodec})
 * </pre>
 * The 20-bit bucket is exactly the range API's 5-hex prefix. A lookup binary-searches one bucket of
 * about n / 2^20 entries; a password not in the corpus matches an entry of its bucket with probability
 * about n / 2^60 (8.7e-10 for the full ~1 billion corpus, 8.7e-11 for 100 million).
 */
final class IndexFormat {

    static final byte[] MAGIC = {'B', '2', 'B', 'H', 'I', 'B', 'P', '1'};
    /** Header fields after the magic: their byte offsets. */
    static final int PREFIX_BITS_AT = 8;

    static final int FINGERPRINT_BYTES_AT = 12;
    static final int ENTRIES_AT = 16;
    static final int HEADER_BYTES = 64;
    static final int PREFIX_BITS = 20;
    static final int BUCKETS = 1 << PREFIX_BITS;
    static final int FINGERPRINT_BYTES = 5;
    static final int ENTRY_BYTES = FINGERPRINT_BYTES + 1;
    static final long TABLE_BYTES = (BUCKETS + 1L) * Long.BYTES;
    static final long ENTRIES_OFFSET = HEADER_BYTES + TABLE_BYTES;
    /** Entries per mapped region: a MappedByteBuffer addresses at most 2 GiB. */
    static final int ENTRIES_PER_REGION = 1 << 28;

    private IndexFormat() {}

    static int bucket(long top64) {
        return (int) (top64 >>> (64 - PREFIX_BITS));
    }

    /** SHA-1 bits 20-59 of a digest whose first 64 bits are {@code top64}. */
    static long fingerprint(long top64) {
        return (top64 >>> 4) & 0xFF_FFFF_FFFFL;
    }

    /** Byte offset of a bucket's start in the file; the table lies in the first 8 MiB, so an int. */
    static int tableOffset(int bucket) {
        return HEADER_BYTES + bucket * Long.BYTES;
    }

    /** Index of the first entry of a bucket in the mapped header and table; bucket {@link #BUCKETS} gives the total. */
    static long bucketStart(ByteBuffer table, int bucket) {
        return table.getLong(tableOffset(bucket));
    }

    static long fileSize(long entries) {
        return ENTRIES_OFFSET + entries * ENTRY_BYTES;
    }
}
