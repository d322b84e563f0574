package io.github.b2bpack.password.hashing.nativelib;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_type;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import java.time.Duration;

/**
 * Raw Argon2 hashes from native libargon2 (a shipped SIMD build or argon2-jvm's library, see
 * {@link LibArgon2Loader}), called through {@code argon2_ctx} so that the memory callbacks and the
 * secret input are available.
 * <p>
 * The memory of a hash lives outside the Java heap, so the number of hashes running at once is
 * bounded by a semaphore; with pooling on, their memory blocks are reused between hashes.
 * Thread-safe; one instance serves the whole server.
 */
public final class NativeArgon2 {

    /** Argon2 types as libargon2 numbers them. */
    public enum Type {
        D(0),
        I(1),
        ID(2);

        final int value;

        Type(int value) {
            this.value = value;
        }
    }

    /** Argon2 versions as libargon2 numbers them. */
    public enum Version {
        V10(0x10),
        V13(0x13);

        final int value;

        Version(int value) {
            this.value = value;
        }
    }

    private static final int FLAG_CLEAR_PASSWORD = 1;
    private static final int FLAG_CLEAR_SECRET = 1 << 1;

    private static final int ARGON2_OK = 0;

    /** How long a hash waits for a slot unless told otherwise. */
    public static final Duration DEFAULT_SLOT_WAIT = Duration.ofSeconds(5);

    private final LibArgon2 library;
    private final String libraryDescription;
    private final HashingSlots slots;
    private final NativeBlockPool pool;

    private NativeArgon2(
            LibArgon2Loader.Loaded loaded, int maxConcurrentHashes, boolean poolMemory, Duration slotWait) {
        this.library = loaded.library();
        this.libraryDescription = loaded.description();
        this.slots = new HashingSlots(maxConcurrentHashes, slotWait);
        this.pool = poolMemory ? new NativeBlockPool(maxConcurrentHashes) : null;
    }

    /**
     * Loads libargon2.
     *
     * @param maxConcurrentHashes hashes allowed to run at once; more callers wait
     * @param poolMemory          reuse working memory between hashes (see {@link NativeBlockPool})
     * @param libraryChoice       which libargon2 build to load (see {@link LibArgon2Loader})
     * @param slotWait            how long a hash waits for one of the {@code maxConcurrentHashes} slots before
     *                            {@link #hash} gives up with a {@link HashingBusyException}
     * @throws IllegalStateException with an operator-readable reason when the native library is unusable
     */
    public static NativeArgon2 load(
            int maxConcurrentHashes, boolean poolMemory, LibArgon2Loader.Choice libraryChoice, Duration slotWait) {
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1, got " + maxConcurrentHashes);
        }
        if (poolMemory && Native.SIZE_T_SIZE != 8) {
            throw new IllegalStateException("native memory pooling needs a 64-bit platform; turn memoryPooling off");
        }
        LibArgon2Loader.Loaded library;
        try {
            library = LibArgon2Loader.load(libraryChoice);
        } catch (LinkageError e) {
            throw new IllegalStateException(
                    "cannot load native libargon2 through JNA (argon2-jvm and argon2-jvm-nolibs "
                            + "must be in providers/, and jna.tmpdir must allow executing extracted libraries): " + e,
                    e);
        }
        return new NativeArgon2(library, maxConcurrentHashes, poolMemory, slotWait);
    }

    /**
     * One raw Argon2 hash.
     *
     * @param password   bytes to hash; not modified (the caller wipes it)
     * @param salt       at least 8 bytes
     * @param secret     the pepper, or {@code null}; not modified
     * @param hashLength output length in bytes, at least 4
     * @throws HashingBusyException when no hashing slot frees up within the slot wait
     */
    public byte[] hash(
            Type type, Version version, Argon2Cost cost, byte[] password, byte[] salt, byte[] secret, int hashLength) {
        slots.acquire();
        try (NativeBuffer pwd = NativeBuffer.copyOf(password);
                NativeBuffer saltBuffer = NativeBuffer.copyOf(salt);
                NativeBuffer secretBuffer = NativeBuffer.copyOf(secret);
                NativeBuffer out = NativeBuffer.zeroed(hashLength)) {
            Argon2_context.ByReference context = new Argon2_context.ByReference();
            context.out = out.pointer();
            context.outlen = new JnaUint32(hashLength);
            context.pwd = pwd.pointer();
            context.pwdlen = new JnaUint32(pwd.length());
            context.salt = saltBuffer.pointer();
            context.saltlen = new JnaUint32(saltBuffer.length());
            context.secret = secretBuffer.pointer();
            context.secretlen = new JnaUint32(secretBuffer.length());
            context.ad = Pointer.NULL;
            context.adlen = new JnaUint32(0);
            context.t_cost = new JnaUint32(cost.iterations());
            context.m_cost = new JnaUint32(cost.memoryKiB());
            context.lanes = new JnaUint32(cost.parallelism());
            context.threads = new JnaUint32(cost.parallelism());
            context.version = new Argon2_version(version.value);
            context.allocate_cbk = pool != null ? pool.allocateCallback() : Pointer.NULL;
            context.free_cbk = pool != null ? pool.freeCallback() : Pointer.NULL;
            context.flags = new JnaUint32(FLAG_CLEAR_PASSWORD | FLAG_CLEAR_SECRET);

            int result = library.argon2_ctx(context, new Argon2_type(type.value));
            if (result != ARGON2_OK) {
                throw new IllegalStateException("libargon2 failed: " + library.argon2_error_message(result));
            }
            return out.pointer().getByteArray(0, hashLength);
        } finally {
            slots.release();
        }
    }

    /** Which libargon2 build hashes (for the startup log line). */
    public String libraryDescription() {
        return libraryDescription;
    }

    /** Bytes held by idle pooled blocks (tests check that pooling keeps, and is bounded). */
    long pooledBytes() {
        return pool == null ? 0 : pool.idleBytes();
    }

    /** A malloc'ed copy that is zeroed before it is freed. */
    private static final class NativeBuffer implements AutoCloseable {
        private final long address;
        private final int length;

        private NativeBuffer(long address, int length) {
            this.address = address;
            this.length = length;
        }

        static NativeBuffer copyOf(byte[] bytes) {
            if (bytes == null || bytes.length == 0) {
                return new NativeBuffer(0, 0);
            }
            NativeBuffer buffer = zeroed(bytes.length);
            buffer.pointer().write(0, bytes, 0, bytes.length);
            return buffer;
        }

        static NativeBuffer zeroed(int length) {
            long address = Native.malloc(length);
            if (address == 0) {
                throw new OutOfMemoryError("native buffer of " + length + " bytes");
            }
            NativeBuffer buffer = new NativeBuffer(address, length);
            buffer.pointer().clear(length);
            return buffer;
        }

        Pointer pointer() {
            return address == 0 ? Pointer.NULL : new Pointer(address);
        }

        int length() {
            return length;
        }

        @Override
        public void close() {
            if (address != 0) {
                pointer().clear(length);
                Native.free(address);
            }
        }
    }
}
