package io.github.b2bpack.hibp.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The official downloader's single-file output: one {@code SHA1:COUNT} line per hash, 40 hex digits
 * (either case), CRLF or LF. Any other line stops the build with its line number.
 */
public final class TextHashSource implements HashSource {

    private final Path file;

    public TextHashSource(Path file) {
        this.file = file;
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.US_ASCII), 1 << 20)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                parse(line, number, sink);
            }
        }
    }

    static void parse(String line, long number, Sink sink) throws IOException {
        if (line.length() < 42 || line.length() > 60 || line.charAt(40) != ':') {
            throw new IOException("line " + number + ": expected SHA1:COUNT");
        }
        long top64 = 0;
        for (int i = 0; i < 40; i++) {
            int digit = Character.digit(line.charAt(i), 16);
            if (digit < 0) {
                throw new IOException("line " + number + ": expected SHA1:COUNT");
            }
            if (i < 16) {
                top64 = (top64 << 4) | digit;
            }
        }
        long count;
        try {
            count = Long.parseLong(line, 41, line.length(), 10);
        } catch (NumberFormatException e) {
            throw new IOException("line " + number + ": expected SHA1:COUNT");
        }
        if (count < 0) {
            throw new IOException("line " + number + ": negative count");
        }
        sink.accept(top64, count);
    }
}
