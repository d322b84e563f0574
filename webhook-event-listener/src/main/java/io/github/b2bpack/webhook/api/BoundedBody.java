package io.github.b2bpack.webhook.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body up to a limit while it streams in: the resources take the body as an
 * {@link InputStream} rather than a {@code String}, so an oversized body is refused after {@code limit + 1}
 * bytes instead of being read whole (up to the HTTP layer's own limit) into memory first.
 */
final class BoundedBody {

    /** Request bodies of the webhook admin API, in bytes. */
    static final int MAX_BYTES = 64 * 1024;

    private BoundedBody() {}

    /** The body as UTF-8 text; a 400 when it is longer than {@code limit} bytes or cannot be read. */
    static String read(InputStream in, int limit) {
        if (in == null) {
            return "";
        }
        byte[] buffer = new byte[Math.min(limit + 1, 8192)];
        byte[] all = new byte[0];
        int total = 0;
        try {
            int n;
            while ((n = in.read(buffer, 0, Math.min(buffer.length, limit + 1 - total))) > 0) {
                if (total + n > all.length) {
                    all = java.util.Arrays.copyOf(all, Math.min(limit + 1, Math.max(all.length * 2, total + n)));
                }
                System.arraycopy(buffer, 0, all, total, n);
                total += n;
                if (total > limit) {
                    throw ApiException.badRequest("the body is larger than " + limit + " bytes");
                }
            }
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read");
        }
        return new String(all, 0, total, StandardCharsets.UTF_8);
    }
}
