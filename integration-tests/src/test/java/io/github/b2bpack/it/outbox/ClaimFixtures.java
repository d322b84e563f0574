package io.github.b2bpack.it.outbox;

import io.github.b2bpack.it.outbox.OutboxRows.Row;
import java.util.ArrayList;
import java.util.List;

/** The rows {@link OutboxClaimIT} claims: due ones (ids {@code msg_due_…}) and ones that must never be claimed. */
final class ClaimFixtures {

    private ClaimFixtures() {}

    /** 2,000 due rows over 5 realms (some waiting a first attempt, some a retry) and 300 that are not due. */
    static List<Row> seed(int dueRows, long t0, long t1) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < dueRows; i++) {
            boolean retry = i % 3 == 0;
            rows.add(new Row(
                    String.format("msg_due_%05d", i),
                    "realm-" + i % 5,
                    "wh-" + i % 20,
                    retry ? "retryable" : "available",
                    retry ? 2 : 0,
                    t0 - (i * 7L % 5_000),
                    null,
                    null,
                    t0 - 10_000 + i,
                    retry ? t0 - 100_000 : null,
                    retry ? t0 - 50_000 : null,
                    null));
        }
        long later = t1 + 100_000;
        for (int i = 0; i < 100; i++) {
            rows.add(new Row(
                    String.format("msg_later_%05d", i),
                    "realm-" + i % 5,
                    "wh-1",
                    "retryable",
                    1,
                    later,
                    null,
                    null,
                    t0 - 20_000,
                    t0 - 20_000,
                    t0 - 20_000,
                    null));
            rows.add(new Row(
                    String.format("msg_done_%05d", i),
                    "realm-" + i % 5,
                    "wh-2",
                    "completed",
                    1,
                    t0 - 20_000,
                    null,
                    null,
                    t0 - 20_000,
                    t0 - 20_000,
                    t0 - 20_000,
                    t0 - 19_000));
            rows.add(new Row(
                    String.format("msg_held_%05d", i),
                    "realm-" + i % 5,
                    "wh-3",
                    "executing",
                    1,
                    t0 - 20_000,
                    "held-by-a-live-node",
                    later,
                    t0 - 20_000,
                    t0 - 1_000,
                    t0 - 1_000,
                    null));
        }
        return rows;
    }
}
