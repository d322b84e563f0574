package io.github.b2bpack.hibp.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.hibp.range.PasswordHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineIndexTest {

    @TempDir
    Path dir;

    @Test
    void findsEveryListedHashWithItsCountAndNothingElse() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> lines = new ArrayList<>();
        List<long[]> listed = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long top = random.nextLong();
            long count = 1 + random.nextInt(300);
            lines.add(String.format("%016X%024X:%d", top, random.nextLong() & 0xFFFF_FFFF_FFFFL, count));
            listed.add(new long[] {top, count});
        }
        // padding-like zero counts are skipped; unsorted input and lower case are fine
        lines.add("ffffffffffffffffffffffffffffffffffffffff:0");
        java.util.Collections.shuffle(lines, new java.util.Random(1));
        Path text = dir.resolve("pwned.txt");
        Files.write(text, lines);

        IndexWriter.Stats stats = IndexWriter.write(new TextHashSource(text), dir.resolve("pwned.idx"));
        assertEquals(20_000, stats.entries());
        assertEquals(IndexFormat.fileSize(20_000), Files.size(dir.resolve("pwned.idx")));

        try (OfflineIndex index = OfflineIndex.open(dir.resolve("pwned.idx"))) {
            assertEquals(20_000, index.entries());
            for (long[] entry : listed) {
                assertEquals(CountCodec.decode(CountCodec.encode(entry[1])), index.count(entry[0]));
            }
            assertEquals(0, index.count(-1L));
            int falseHits = 0;
            for (int i = 0; i < 100_000; i++) {
                if (index.count(random.nextLong()) > 0) {
                    falseHits++;
                }
            }
            assertEquals(0, falseHits);
        }
    }

    @Test
    void passwordsLookUpByTheirSha1() throws IOException {
        Path text = dir.resolve("pwned.txt");
        Files.writeString(
                text,
                PasswordHash.of("password").prefix()
                        + PasswordHash.of("password").suffix() + ":9545824\r\n");
        IndexWriter.write(new TextHashSource(text), dir.resolve("pwned.idx"));
        try (OfflineIndex index = OfflineIndex.open(dir.resolve("pwned.idx"))) {
            long count = index.count(PasswordHash.of("password").top64());
            assertTrue(count <= 9545824 && count > 9545824 * 0.75, String.valueOf(count));
            assertEquals(
                    0,
                    index.count(
                            PasswordHash.of("correct horse battery staple 1234").top64()));
        }
    }

    @Test
    void malformedInputStopsTheBuildWithTheLineNumber() throws IOException {
        Path text = dir.resolve("bad.txt");
        Files.writeString(text, "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:3\nnot a hash\n");
        IOException e = assertThrows(
                IOException.class, () -> IndexWriter.write(new TextHashSource(text), dir.resolve("x.idx")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("x.idx")));
    }

    @Test
    void refusesFilesThatAreNotAnIndex() throws IOException {
        Path junk = dir.resolve("junk.idx");
        Files.write(junk, new byte[100]);
        assertThrows(IOException.class, () -> OfflineIndex.open(junk));
        Files.write(junk, new byte[(int) IndexFormat.ENTRIES_OFFSET + 6]);
        assertThrows(IOException.class, () -> OfflineIndex.open(junk));
    }

    @Test
    void emptyCorpusGivesAnEmptyIndex() throws IOException {
        Path text = dir.resolve("empty.txt");
        Files.writeString(text, "");
        IndexWriter.write(new TextHashSource(text), dir.resolve("e.idx"));
        try (OfflineIndex index = OfflineIndex.open(dir.resolve("e.idx"))) {
            assertEquals(0, index.count(PasswordHash.of("password").top64()));
        }
    }
}
