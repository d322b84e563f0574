package io.github.b2bpack.password.hashing.nativelib;

/** No hashing slot became free in time: the node is saturated, the password was never looked at. */
public final class HashingBusyException extends RuntimeException {

    public HashingBusyException(String message) {
        super(message);
    }
}
