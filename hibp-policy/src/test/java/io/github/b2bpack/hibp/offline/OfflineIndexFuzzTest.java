package io.github.b2bpack.hibp.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * The offline corpus and index are files an operator downloads and builds; a truncated copy or a bit
 * flip must not turn into an exception at every password change. Two contracts:
 * <ul>
 *   <li>{@link TextHashSource#parse}: each line of the input is {@code SHA1:COUNT} with a count of at
 *       least 0 handed to the sink with the first 64 bits of the hash, or an {@link IOException};</li>
 *   <li>{@link OfflineIndex}: the input, read as patches ({@code [offset: 4 bytes][length n: 1 byte][n bytes]}…)
 *       applied to a valid index, either makes {@code open} throw {@link IOException} or leaves an
 *       index whose lookups (in the patched buckets too) answer a count of at least 0.</li>
 * </ul>
 * Seeds: {@code OfflineIndexFuzzTestInputs/corrupted}, raw bytes.
 */
class OfflineIndexFuzzTest {

    private static final long[] LISTED = {
        0x0000_0000_0000_0000L,
        0x0123_4567_89AB_CDEFL,
        0x7FFF_FFFF_FFFF_FFF0L,
        0x8000_0000_0000_0000L,
        0xFEDC_BA98_7654_3210L,
        0xFFFF_FFFF_FFFF_FFFFL,
        0x0123_4000_0000_0000L
    };

    private static Path index;
    private static byte[] pristine;

    // Per input: a run that hangs (catastrophic backtracking, a loop) fails instead of stalling the build.
    @Timeout(10)
    @FuzzTest(maxDuration = "10s")
    void corrupted(byte[] data) throws IOException {
        lines(data);
        patches(data);
    }

    private static void lines(byte[] data) {
        for (String line : new String(data, StandardCharsets.ISO_8859_1).split("\n", 64)) {
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            try {
                TextHashSource.parse(text, 1, (top64, count) -> {
                    assertTrue(count >= 0, "count");
                    assertEquals(Long.parseUnsignedLong(text.substring(0, 16), 16), top64, "top 64 bits");
                });
            } catch (IOException expected) {
                // the documented refusal
            }
        }
    }

    private static void patches(byte[] data) throws IOException {
        Path file = index();
        List<Integer> buckets = new ArrayList<>();
        List<Long> patched = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(data);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            while (in.remaining() >= 5) {
                long offset = Integer.toUnsignedLong(in.getInt()) % (pristine.length + 16L);
                byte[] patch = new byte[Math.min(in.get() & 0x0F, in.remaining())];
                in.get(patch);
                raf.seek(offset);
                raf.write(patch);
                patched.add(offset);
                long bucket = (offset - IndexFormat.HEADER_BYTES) / Long.BYTES;
                if (bucket >= 0 && bucket <= IndexFormat.BUCKETS) {
                    buckets.add((int) Math.min(bucket, IndexFormat.BUCKETS - 1));
                }
            }
        }
        try (OfflineIndex opened = OfflineIndex.open(file)) {
            for (long top64 : LISTED) {
                assertTrue(opened.count(top64) >= 0);
            }
            for (int bucket : buckets) {
                long base = (long) bucket << (64 - IndexFormat.PREFIX_BITS);
                assertTrue(opened.count(base) >= 0);
                assertTrue(opened.count(base | 0x0000_0FFF_FFFF_FFFFL) >= 0);
                assertTrue(opened.count(base | 0x0000_0123_4567_89ABL) >= 0);
            }
        } catch (IOException expected) {
            // the documented refusal of a damaged file
        } finally {
            restore(file, patched);
        }
    }

    /** Puts back the 16 bytes at each patched offset (rewriting the whole 8 MiB file would dominate a run). */
    private static void restore(Path file, List<Long> offsets) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long offset : offsets) {
                int length = (int) Math.max(0, Math.min(16, pristine.length - offset));
                raf.seek(offset);
                raf.write(pristine, (int) Math.min(offset, pristine.length), length);
            }
            raf.setLength(pristine.length);
        }
    }

    private static synchronized Path index() {
        if (index == null) {
            try {
                Path dir = Files.createTempDirectory("b2bpack-index-fuzz");
                dir.toFile().deleteOnExit();
                Path target = dir.resolve("pwned.idx");
                IndexWriter.write(
                        sink -> {
                            for (long top64 : LISTED) {
                                sink.accept(top64, 1 + (top64 & 0xFFFF));
                            }
                        },
                        target);
                target.toFile().deleteOnExit();
                pristine = Files.readAllBytes(target);
                index = target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }
}
