package io.github.b2bpack.hibp.offline;

import java.io.IOException;

/**
 * A corpus of (SHA-1, count) pairs that can be read more than once: {@link IndexWriter} reads it
 * twice (count per bucket, then place) so that memory stays independent of the corpus size.
 */
@FunctionalInterface
public interface HashSource {

    void forEach(Sink sink) throws IOException;

    @FunctionalInterface
    interface Sink {
        /**
         * @param sha1Top64 first 64 bits of the SHA-1, big-endian
         * @param count     breach count; entries with count 0 (padding) are skipped by the writer
         */
        void accept(long sha1Top64, long count) throws IOException;
    }
}
