package io.github.b2bpack.hibp.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line: turns the HIBP downloader's {@code SHA1:COUNT} text file into the offline index.
 * <pre>java -cp hibp-policy.jar io.github.b2bpack.hibp.offline.BuildIndex pwnedpasswords.txt pwned.idx</pre>
 * Needs only the JDK (the jar's offline package uses no Keycloak class) and about 64 MB of heap.
 */
public final class BuildIndex {

    private BuildIndex() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println(
                    "usage: java -cp hibp-policy.jar io.github.b2bpack.hibp.offline.BuildIndex <SHA1:COUNT text file> <index file>");
            System.exit(64);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (!Files.isRegularFile(input)) {
            System.err.println("no such file: " + input);
            System.exit(66);
        }
        long started = System.nanoTime();
        try {
            IndexWriter.Stats stats = IndexWriter.write(new TextHashSource(input), output);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d hashes, %,d bytes (%.3f bytes/hash), false-positive rate %.2e, %.1f s%n",
                    output,
                    stats.entries(),
                    stats.bytes(),
                    stats.bytesPerHash(),
                    stats.falsePositiveRate(),
                    (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            System.err.println("build failed: " + e.getMessage());
            System.exit(65);
        }
    }
}
