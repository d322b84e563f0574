package io.github.b2bpack.webhook.dispatch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pass that runs on a thread of its own, one at a time, however often it is asked for: asks never queue up,
 * and an ask that comes while a pass runs gets one more pass after it, so nothing asked for is missed. Cheap
 * and safe to ask from any thread.
 */
final class SerialPass {

    private final ExecutorService thread;
    private final Runnable pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /** @param pass must not throw: it ends when its work is done or its thread is interrupted */
    SerialPass(String threadName, Runnable pass) {
        this.thread = Executors.newSingleThreadExecutor(Threads.named(threadName));
        this.pass = pass;
    }

    void request() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException e) {
                running.set(false); // shutting down
            }
        }
    }

    private void run() {
        try {
            while (wanted.getAndSet(false) && !thread.isShutdown()) {
                pass.run();
            }
        } finally {
            running.set(false);
            if (wanted.get() && !thread.isShutdown()) {
                request();
            }
        }
    }

    /** Interrupts the pass in progress, which ends at its next wait, and runs no other. */
    void close() {
        thread.shutdownNow();
    }
}
