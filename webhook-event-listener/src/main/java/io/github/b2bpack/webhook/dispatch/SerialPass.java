package io.github.b2bpack.webhook.dispatch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A pass that runs on a thread of its own, one at a time, however often it is asked for: asks never queue up,
 * and an ask that comes while a pass runs gets one more pass after it, so nothing asked for is missed. Cheap
 * and safe to ask from any thread.
 */
final class SerialPass {

    /** One pass; it may wait (for a free sender, say), and an interrupt means the node is stopping. */
    @FunctionalInterface
    interface Pass {
        void run() throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(SerialPass.class);

    private final ExecutorService thread;
    private final Pass pass;
    private final String failure;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /** @param failure logged with the exception when a pass fails; the next ask runs a new one */
    SerialPass(String threadName, String failure, Pass pass) {
        this.thread = Executors.newSingleThreadExecutor(Threads.named(threadName));
        this.failure = failure;
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
                runPass();
            }
        } finally {
            running.set(false);
            if (wanted.get() && !thread.isShutdown()) {
                request();
            }
        }
    }

    private void runPass() {
        try {
            pass.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("%s: %s", failure, e.toString());
        }
    }

    /** Interrupts the pass in progress, which ends at its next wait, and runs no other. */
    void close() {
        thread.shutdownNow();
    }
}
