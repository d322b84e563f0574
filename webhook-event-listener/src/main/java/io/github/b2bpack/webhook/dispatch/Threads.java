package io.github.b2bpack.webhook.dispatch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The delivery threads: daemons named apart, stopped with a grace period. */
final class Threads {

    /** What runs when a node stops gets this long to finish; what does not is made again once its claim expires. */
    static final long STOP_GRACE_MILLIS = 2_000;

    private Threads() {}

    /** Names that stay apart in the 15 characters Linux keeps of a thread's name ({@code top -H}, {@code /proc}). */
    static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Takes no more work, lets what runs finish for {@link #STOP_GRACE_MILLIS}, then interrupts it. */
    static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
