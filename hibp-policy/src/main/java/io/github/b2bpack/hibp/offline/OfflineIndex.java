package io.github.b2bpack.hibp.offline;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Read-only view of an index written by {@link IndexWriter}, memory-mapped: opening it costs the
 * header check only, the heap holds a few buffer objects whatever the corpus size, and the OS page
 * cache keeps the hot buckets. Thread-safe: lookups only use absolute reads.
 */
public final class OfflineIndex implements AutoCloseable {

    private final MappedByteBuffer table;
    private final EntryRegions regions;
    private final long entries;

    private OfflineIndex(MappedByteBuffer table, EntryRegions regions, long entries) {
        this.table = table;
        this.regions = regions;
        this.entries = entries;
    }

    public static OfflineIndex open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < IndexFormat.ENTRIES_OFFSET) {
                throw new IOException("not a b2bpack HIBP index (too short)");
            }
            MappedByteBuffer table = channel.map(FileChannel.MapMode.READ_ONLY, 0, IndexFormat.ENTRIES_OFFSET);
            byte[] magic = new byte[IndexFormat.MAGIC.length];
            table.get(0, magic);
            if (!Arrays.equals(magic, IndexFormat.MAGIC)
                    || table.getInt(IndexFormat.PREFIX_BITS_AT) != IndexFormat.PREFIX_BITS
                    || table.getInt(IndexFormat.FINGERPRINT_BYTES_AT) != IndexFormat.FINGERPRINT_BYTES) {
                throw new IOException("not a b2bpack HIBP index (bad header)");
            }
            long entries = table.getLong(IndexFormat.ENTRIES_AT);
            if (entries < 0
                    || IndexFormat.fileSize(entries) != size
                    || IndexFormat.bucketStart(table, IndexFormat.BUCKETS) != entries) {
                throw new IOException("not a b2bpack HIBP index (size does not match header)");
            }
            // A damaged bucket table (bit flip, partial copy) would send count() outside the entries with an
            // IndexOutOfBoundsException at every password check: verify it once here (8 MiB read in order).
            long previous = 0;
            for (int b = 0; b <= IndexFormat.BUCKETS; b++) {
                long start = IndexFormat.bucketStart(table, b);
                if (start < previous || start > entries) {
                    throw new IOException("not a b2bpack HIBP index (bucket table out of order)");
                }
                previous = start;
            }
            return new OfflineIndex(table, EntryRegions.map(channel, entries, FileChannel.MapMode.READ_ONLY), entries);
        }
    }

    public long entries() {
        return entries;
    }

    /**
     * Breach count (a lower bound above 127, see {@link CountCodec}) of the SHA-1 whose first 64 bits
     * are given; 0 when the index does not list it.
     */
    public long count(long sha1Top64) {
        int bucket = IndexFormat.bucket(sha1Top64);
        long lo = IndexFormat.bucketStart(table, bucket);
        long hi = IndexFormat.bucketStart(table, bucket + 1) - 1;
        long key = IndexFormat.fingerprint(sha1Top64);
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long fp = regions.fingerprintAt(mid);
            if (fp < key) {
                lo = mid + 1;
            } else if (fp > key) {
                hi = mid - 1;
            } else {
                return CountCodec.decode(regions.codeAt(mid));
            }
        }
        return 0;
    }

    /** Unmapping is left to the GC (Java 17 has no supported unmap); dropping the references is enough. */
    @Override
    public void close() {}
}
