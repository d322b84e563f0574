package io.github.b2bpack.webhook.claim;

import java.util.Locale;

/**
 * How a claim transaction makes sure one due row goes to one node. Both end in the same conditional UPDATE
 * ({@link ClaimSql#claim}); they differ in how the candidate rows are picked.
 */
public enum ClaimStrategy {
    /**
     * The due rows are selected {@code FOR UPDATE SKIP LOCKED}: each claimer locks the rows it will update and passes
     * over those another claimer holds, so parallel claimers get disjoint batches and never wait for each other.
     */
    SKIP_LOCKED("skip-locked"),
    /**
     * Portable: the due rows are read without locks, and the conditional UPDATE takes those still due; a claimer that
     * lost a row waits for the winner's row lock, finds the row no longer due and leaves it, so the rows it won are
     * read back by token ({@link ClaimSql#won}).
     */
    CONDITIONAL_UPDATE("conditional-update");

    private final String code;

    ClaimStrategy(String code) {
        this.code = code;
    }

    /** The option value naming it. */
    public String code() {
        return code;
    }

    /**
     * The strategy for a database, from its JDBC metadata: {@link #SKIP_LOCKED} on PostgreSQL,
     * {@link #CONDITIONAL_UPDATE} elsewhere. MariaDB has {@code SKIP LOCKED} from 10.6 and claims correctly with it (OutboxClaimIT), but under its
     * default repeatable read the locking SELECT also locks the gaps of the due index, and claimers that then move
     * their rows to {@code executing} deadlock: 1 to 22 of about 60 claim transactions per round rolled back, against
     * none with the conditional UPDATE, which only locks rows by primary key. So MariaDB (and MySQL, untested) keep the
     * portable claim unless {@code claim-strategy=skip-locked} forces the other.
     */
    public static ClaimStrategy forDatabase(String productName, int major, int minor) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (product.equals("postgresql") && major >= 10) {
            return SKIP_LOCKED;
        }
        return CONDITIONAL_UPDATE;
    }
}
