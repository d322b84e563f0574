package io.github.b2bpack.hibp.offline;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The entries of an index file ({@link IndexFormat}), memory-mapped in regions of
 * {@link IndexFormat#ENTRIES_PER_REGION} entries because one {@link MappedByteBuffer} addresses at most
 * 2 GiB. The one place that turns an entry number into bytes, for the writer (read-write) and the
 * index (read-only); reads and writes are absolute, so concurrent readers need no lock.
 */
final class EntryRegions {

    private final MappedByteBuffer[] regions;

    private EntryRegions(MappedByteBuffer[] regions) {
        this.regions = regions;
    }

    static EntryRegions map(FileChannel channel, long entries, FileChannel.MapMode mode) throws IOException {
        int count = (int) ((entries + IndexFormat.ENTRIES_PER_REGION - 1) / IndexFormat.ENTRIES_PER_REGION);
        MappedByteBuffer[] regions = new MappedByteBuffer[count];
        for (int r = 0; r < count; r++) {
            long first = (long) r * IndexFormat.ENTRIES_PER_REGION;
            long n = Math.min(IndexFormat.ENTRIES_PER_REGION, entries - first);
            regions[r] = channel.map(
                    mode, IndexFormat.ENTRIES_OFFSET + first * IndexFormat.ENTRY_BYTES, n * IndexFormat.ENTRY_BYTES);
        }
        return new EntryRegions(regions);
    }

    /** The entry's 40-bit fingerprint. */
    long fingerprintAt(long entry) {
        MappedByteBuffer region = region(entry);
        int offset = offset(entry);
        return ((long) (region.get(offset) & 0xFF) << 32) | (region.getInt(offset + 1) & 0xFFFF_FFFFL);
    }

    /** The entry's count code ({@link CountCodec}). */
    byte codeAt(long entry) {
        return region(entry).get(offset(entry) + IndexFormat.FINGERPRINT_BYTES);
    }

    void put(long entry, long fingerprint, byte code) {
        MappedByteBuffer region = region(entry);
        int offset = offset(entry);
        region.put(offset, (byte) (fingerprint >>> 32));
        region.putInt(offset + 1, (int) fingerprint);
        region.put(offset + IndexFormat.FINGERPRINT_BYTES, code);
    }

    /** Writes what was put to the file. */
    void force() {
        for (MappedByteBuffer region : regions) {
            region.force();
        }
    }

    private MappedByteBuffer region(long entry) {
        return regions[(int) (entry / IndexFormat.ENTRIES_PER_REGION)];
    }

    private static int offset(long entry) {
        return (int) (entry % IndexFormat.ENTRIES_PER_REGION) * IndexFormat.ENTRY_BYTES;
    }
}
