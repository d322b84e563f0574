package io.github.b2bpack.hibp.offline;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Builds an index file ({@link IndexFormat}) from a corpus in any order, in three passes and with a
 * heap of about 16 MB whatever the corpus size: count entries per bucket, place every entry at its
 * bucket's cursor in the memory-mapped output, then sort each bucket in place. The file is written
 * next to the target and moved over it at the end, so a running server never maps a half-built index.
 */
public final class IndexWriter {

    private IndexWriter() {
    }

    /** What a build produced. */
    public record Stats(long entries, long bytes) {

        public double bytesPerHash() {
            return entries == 0 ? 0 : (double) bytes / entries;
        }

        /** Chance that a password outside the corpus matches an entry of its bucket. */
        public double falsePositiveRate() {
            return entries / Math.pow(2, IndexFormat.PREFIX_BITS + IndexFormat.FINGERPRINT_BYTES * 8.0);
        }
    }

    public static Stats write(HashSource source, Path target) throws IOException {
        int[] perBucket = new int[IndexFormat.BUCKETS];
        long[] total = {0};
        source.forEach((top64, count) -> {
            if (count > 0) {
                int b = IndexFormat.bucket(top64);
                if (perBucket[b] == Integer.MAX_VALUE) {
                    throw new IOException("too many hashes under one prefix");
                }
                perBucket[b]++;
                total[0]++;
            }
        });
        long entries = total[0];
        long[] cursor = new long[IndexFormat.BUCKETS + 1];
        int largestBucket = 0;
        for (int b = 0; b < IndexFormat.BUCKETS; b++) {
            cursor[b + 1] = cursor[b] + perBucket[b];
            largestBucket = Math.max(largestBucket, perBucket[b]);
        }

        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        long size = IndexFormat.fileSize(entries);
        try (RandomAccessFile file = new RandomAccessFile(temp.toFile(), "rw")) {
            file.setLength(0);
            file.setLength(size);
            FileChannel channel = file.getChannel();
            MappedByteBuffer table = channel.map(FileChannel.MapMode.READ_WRITE, 0, IndexFormat.ENTRIES_OFFSET);
            table.put(0, IndexFormat.MAGIC);
            table.putInt(8, IndexFormat.PREFIX_BITS);
            table.putInt(12, IndexFormat.FINGERPRINT_BYTES);
            table.putLong(16, entries);
            for (int b = 0; b <= IndexFormat.BUCKETS; b++) {
                table.putLong(IndexFormat.tableOffset(b), cursor[b]);
            }
            table.force();

            MappedByteBuffer[] regions = mapRegions(channel, entries);
            long[] placed = {0};
            source.forEach((top64, count) -> {
                if (count > 0) {
                    int b = IndexFormat.bucket(top64);
                    long entry = cursor[b]++;
                    if (entry >= tableStart(table, b + 1)) {
                        throw new IOException("the corpus changed between the two passes");
                    }
                    put(regions, entry, IndexFormat.fingerprint(top64), CountCodec.encode(count));
                    placed[0]++;
                }
            });
            if (placed[0] != entries) {
                throw new IOException("the corpus changed between the two passes");
            }

            long[] bucket = new long[largestBucket];
            for (int b = 0; b < IndexFormat.BUCKETS; b++) {
                long first = tableStart(table, b);
                int n = (int) (tableStart(table, b + 1) - first);
                for (int i = 0; i < n; i++) {
                    bucket[i] = (fingerprintAt(regions, first + i) << 8) | (codeAt(regions, first + i) & 0xFF);
                }
                Arrays.sort(bucket, 0, n);
                for (int i = 0; i < n; i++) {
                    put(regions, first + i, bucket[i] >>> 8, (byte) bucket[i]);
                }
            }
            for (MappedByteBuffer region : regions) {
                region.force();
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Stats(entries, size);
    }

    private static long tableStart(MappedByteBuffer table, int bucket) {
        return table.getLong(IndexFormat.tableOffset(bucket));
    }

    private static MappedByteBuffer[] mapRegions(FileChannel channel, long entries) throws IOException {
        int count = (int) ((entries + IndexFormat.ENTRIES_PER_REGION - 1) / IndexFormat.ENTRIES_PER_REGION);
        MappedByteBuffer[] regions = new MappedByteBuffer[count];
        for (int r = 0; r < count; r++) {
            long first = (long) r * IndexFormat.ENTRIES_PER_REGION;
            long n = Math.min(IndexFormat.ENTRIES_PER_REGION, entries - first);
            regions[r] = channel.map(FileChannel.MapMode.READ_WRITE,
                    IndexFormat.ENTRIES_OFFSET + first * IndexFormat.ENTRY_BYTES, n * IndexFormat.ENTRY_BYTES);
        }
        return regions;
    }

    private static void put(MappedByteBuffer[] regions, long entry, long fingerprint, byte code) {
        MappedByteBuffer region = regions[(int) (entry / IndexFormat.ENTRIES_PER_REGION)];
        int offset = (int) (entry % IndexFormat.ENTRIES_PER_REGION) * IndexFormat.ENTRY_BYTES;
        region.put(offset, (byte) (fingerprint >>> 32));
        region.putInt(offset + 1, (int) fingerprint);
        region.put(offset + IndexFormat.FINGERPRINT_BYTES, code);
    }

    private static long fingerprintAt(MappedByteBuffer[] regions, long entry) {
        MappedByteBuffer region = regions[(int) (entry / IndexFormat.ENTRIES_PER_REGION)];
        int offset = (int) (entry % IndexFormat.ENTRIES_PER_REGION) * IndexFormat.ENTRY_BYTES;
        return ((long) (region.get(offset) & 0xFF) << 32) | (region.getInt(offset + 1) & 0xFFFF_FFFFL);
    }

    private static byte codeAt(MappedByteBuffer[] regions, long entry) {
        MappedByteBuffer region = regions[(int) (entry / IndexFormat.ENTRIES_PER_REGION)];
        return region.get((int) (entry % IndexFormat.ENTRIES_PER_REGION) * IndexFormat.ENTRY_BYTES + IndexFormat.FINGERPRINT_BYTES);
    }
}
