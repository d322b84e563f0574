package io.github.b2bpack.password.hashing.nativelib;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Argon2's working memory, kept between hashes and handed to libargon2 through its
 * {@code allocate_cbk}/{@code free_cbk} callbacks.
 * <p>
 * Why: glibc serves every block above its mmap threshold (32 MiB at most) with a fresh
 * {@code mmap}, so each large-memory hash pays for mapping, faulting in and unmapping all of its
 * pages, which made native Argon2 slower than BouncyCastle at large memory costs (docs/benchmarks.md).
 * A kept block is already mapped and faulted in. At most {@code maxIdleBlocks} blocks stay idle (one
 * per concurrent hash permit); when a block of another size comes back to a full pool, the least
 * recently used one is freed. libargon2 wipes a block before handing it back (its {@code clear_internal_memory}), so no
 * hash state survives in an idle block.
 */
final class NativeBlockPool {

    /** {@code ARGON2_MEMORY_ALLOCATION_ERROR} in argon2.h. */
    private static final int ALLOCATION_ERROR = -22;

    /** {@code int (*allocate_fptr)(uint8_t **memory, size_t bytes_to_allocate)}; size_t is 64-bit (checked by the caller). */
    public interface AllocateCallback extends Callback {
        int invoke(Pointer memoryOut, long bytes);
    }

    /** {@code void (*deallocate_fptr)(uint8_t *memory, size_t bytes_to_allocate)}. */
    public interface FreeCallback extends Callback {
        void invoke(Pointer memory, long bytes);
    }

    private record Block(long address, long bytes) {}

    private final int maxIdleBlocks;
    /** Most recently returned first. Tiny (≤ maxIdleBlocks), so a lock is cheaper than anything clever. */
    private final Deque<Block> idle = new ArrayDeque<>();

    // Strong references: JNA frees a callback's native trampoline once the Java object is collected.
    private final AllocateCallback allocate = this::allocate;
    private final FreeCallback free = this::free;
    private final Pointer allocatePointer = CallbackReference.getFunctionPointer(allocate);
    private final Pointer freePointer = CallbackReference.getFunctionPointer(free);

    NativeBlockPool(int maxIdleBlocks) {
        this.maxIdleBlocks = maxIdleBlocks;
    }

    Pointer allocateCallback() {
        return allocatePointer;
    }

    Pointer freeCallback() {
        return freePointer;
    }

    /** Bytes held by idle blocks (for tests and the operator's sizing). */
    synchronized long idleBytes() {
        return idle.stream().mapToLong(Block::bytes).sum();
    }

    private int allocate(Pointer memoryOut, long bytes) {
        try {
            long address = take(bytes);
            if (address == 0) {
                return ALLOCATION_ERROR;
            }
            memoryOut.setPointer(0, new Pointer(address));
            return 0;
        } catch (Throwable e) {
            // An exception must not unwind through native frames: report it as argon2's own error.
            return ALLOCATION_ERROR;
        }
    }

    private void free(Pointer memory, long bytes) {
        if (memory != null) {
            give(Pointer.nativeValue(memory), bytes);
        }
    }

    private long take(long bytes) {
        synchronized (this) {
            for (Iterator<Block> it = idle.iterator(); it.hasNext(); ) {
                Block block = it.next();
                if (block.bytes() == bytes) {
                    it.remove();
                    return block.address();
                }
            }
        }
        return Native.malloc(bytes);
    }

    private void give(long address, long bytes) {
        Block evicted = null;
        synchronized (this) {
            idle.addFirst(new Block(address, bytes));
            if (idle.size() > maxIdleBlocks) {
                evicted = idle.removeLast();
            }
        }
        if (evicted != null) {
            Native.free(evicted.address());
        }
    }
}
