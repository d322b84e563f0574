package io.github.b2bpack.password.legacy.format;

/**
 * Why a stored hash cannot be verified at all: a malformed encoding, or cost parameters above the
 * operator's caps. The message names the problem but never contains the hash, its salt or a password.
 */
public final class HashRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public HashRejected(String reason) {
        super(reason, null, false, false);
    }
}
