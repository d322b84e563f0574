package io.github.b2bpack.benchmarks.hibp;

import io.github.b2bpack.hibp.offline.HashSource;
import io.github.b2bpack.hibp.offline.IndexWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A synthetic breach corpus generated on the fly (never stored as text): entry i has the SHA-1 top
 * 64 bits {@code mix(i)} and a count between 1 and 1,000. Random access to member i lets benchmarks
 * query hashes that are known to be present without keeping a list of them.
 */
final class GeneratedCorpus implements HashSource {

    private final long entries;

    GeneratedCorpus(long entries) {
        this.entries = entries;
    }

    static long member(long i) {
        return mix(i + 0x9E3779B97F4A7C15L);
    }

    /** SplitMix64's finaliser: a bijection, so members never collide. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        for (long i = 0; i < entries; i++) {
            long top = member(i);
            sink.accept(top, 1 + Long.remainderUnsigned(top, 1000));
        }
    }

    /** The index for {@code entries} hashes under /tmp, built once and reused by later runs. */
    static Path index(long entries) throws IOException {
        Path path = Path.of(System.getProperty("java.io.tmpdir"), "b2bpack-hibp-bench-" + entries + ".idx");
        if (!Files.exists(path)) {
            long started = System.nanoTime();
            IndexWriter.Stats stats = IndexWriter.write(new GeneratedCorpus(entries), path);
            System.out.printf(
                    "built %s: %,d hashes, %,d bytes, %.3f bytes/hash, false-positive rate %.2e, %.1f s%n",
                    path,
                    stats.entries(),
                    stats.bytes(),
                    stats.bytesPerHash(),
                    stats.falsePositiveRate(),
                    (System.nanoTime() - started) / 1e9);
        }
        return path;
    }
}
