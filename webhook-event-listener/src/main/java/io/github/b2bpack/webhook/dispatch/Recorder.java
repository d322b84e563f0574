package io.github.b2bpack.webhook.dispatch;

import io.github.b2bpack.webhook.delivery.DeliveryResult;
import io.github.b2bpack.webhook.retry.AttemptDecision;
import io.github.b2bpack.webhook.retry.RetrySchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Turns attempt results into delivery states ({@link AttemptDecision}) and has them written in batches, on a
 * thread of its own: one transaction per batch rather than per attempt leaves more of the node to the logins
 * sharing it. Rows stay {@code executing} under their claim until written, so nothing can take them meanwhile;
 * if the node dies first, the claims expire and the attempts are made again under the same {@code webhook-id}.
 */
public final class Recorder implements AutoCloseable {

    /** Writes outcomes, all in one transaction; throws when it fails. */
    @FunctionalInterface
    public interface Writer {
        void write(List<Outcome> outcomes);
    }

    private static final Logger LOG = Logger.getLogger(Recorder.class);

    /** How long a result waits for others to share its transaction; receivers never wait for it. */
    private static final long LINGER_MILLIS = 250;

    private static final long IDLE_POLL_MILLIS = 200;

    private final RetrySchedule schedule;
    private final int batchSize;
    private final Writer writer;
    private final BlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.named("b2bpack-wh-record"));
    private volatile boolean closed;

    public Recorder(RetrySchedule schedule, int batchSize, Writer writer) {
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.writer = writer;
    }

    public void start() {
        thread.execute(this::writeQueued);
    }

    /** What {@code result} means for the claimed row: its next state, when it is due again, what it shows. */
    public Outcome outcome(Claim claim, DeliveryResult result, long at) {
        AttemptDecision decision =
                AttemptDecision.decide(result, claim.attempt(), schedule, ThreadLocalRandom.current());
        long next = decision.retryIn() == null ? at : at + decision.retryIn().toMillis();
        Integer status = result.status() == 0 ? null : result.status();
        String error = result.isSuccess() ? null : result.error() != null ? result.error() : "http_" + result.status();
        return new Outcome(
                claim,
                decision.state(),
                status,
                error,
                next,
                at,
                decision.deactivateWebhook(),
                result.durationMillis());
    }

    /** Queues the outcome of an attempt that ended at {@code at}, to be written with others. */
    public void record(Claim claim, DeliveryResult result, long at) {
        queue.add(outcome(claim, result, at));
    }

    private void writeQueued() {
        while (!closed || !queue.isEmpty()) {
            try {
                Outcome first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Outcome> batch = new ArrayList<>();
                batch.add(first);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
                while (batch.size() < batchSize && System.nanoTime() < until) {
                    Outcome next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, batchSize - batch.size());
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One transaction for the whole batch; if it fails (a lock timeout, say), each outcome is written in a
     * transaction of its own, so one bad row cannot leave the others executing until their claims expire.
     */
    private void write(List<Outcome> batch) {
        try {
            writer.write(batch);
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                LOG.warnf(
                        "a webhook result was not recorded, its claim expires and it is retried: %s",
                        batchFailure.toString());
                return;
            }
            int lost = 0;
            for (Outcome o : batch) {
                try {
                    writer.write(List.of(o));
                } catch (RuntimeException e) {
                    lost++;
                }
            }
            LOG.warnf(
                    "a batch of %d webhook results failed (%s); written one by one, %d not recorded (their claims expire and they are retried)",
                    batch.size(), batchFailure.toString(), lost);
        }
    }

    /** Writes what is queued, for a moment at most; what is left is made again once its claim expires. */
    @Override
    public void close() {
        closed = true;
        Threads.stop(thread);
    }
}
