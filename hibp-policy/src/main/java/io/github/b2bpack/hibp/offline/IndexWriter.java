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

    private IndexWriter() {}

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
            table.putInt(IndexFormat.PREFIX_BITS_AT, IndexFormat.PREFIX_BITS);
            table.putInt(IndexFormat.FINGERPRINT_BYTES_AT, IndexFormat.FINGERPRINT_BYTES);
            table.putLong(IndexFormat.ENTRIES_AT, entries);
            for (int b = 0; b <= IndexFormat.BUCKETS; b++) {
                table.putLong(IndexFormat.tableOffset(b), cursor[b]);
            }
            table.force();

            EntryRegions regions = EntryRegions.map(channel, entries, FileChannel.MapMode.READ_WRITE);
            long[] placed = {0};
            source.forEach((top64, count) -> {
                if (count > 0) {
                    int b = IndexFormat.bucket(top64);
                    long entry = cursor[b]++;
                    if (entry >= IndexFormat.bucketStart(table, b + 1)) {
                        throw new IOException("the corpus changed between the two passes");
                    }
                    regions.put(entry, IndexFormat.fingerprint(top64), CountCodec.encode(count));
                    placed[0]++;
                }
            });
            if (placed[0] != entries) {
                throw new IOException("the corpus changed between the two passes");
            }

            long[] bucket = new long[largestBucket];
            for (int b = 0; b < IndexFormat.BUCKETS; b++) {
                long first = IndexFormat.bucketStart(table, b);
                int n = (int) (IndexFormat.bucketStart(table, b + 1) - first);
                for (int i = 0; i < n; i++) {
                    bucket[i] = (regions.fingerprintAt(first + i) << 8) | (regions.codeAt(first + i) & 0xFF);
                }
                Arrays.sort(bucket, 0, n);
                for (int i = 0; i < n; i++) {
                    regions.put(first + i, bucket[i] >>> 8, (byte) bucket[i]);
                }
            }
            regions.force();
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Stats(entries, size);
    }
}
