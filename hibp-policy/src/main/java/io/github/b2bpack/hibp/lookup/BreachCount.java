package io.github.b2bpack.hibp.lookup;

/**
 * What one lookup found out about a password.
 *
 * @param count     times the password appears in the breach corpus (0: not listed); meaningless when unavailable
 * @param available false when no source answered within the budget
 * @param source    where the answer came from, for logs and metrics
 */
public record BreachCount(long count, boolean available, Source source) {

    /** {@code BUDGET_SPENT}: unavailable because this node's upstream budget was spent, not because the API failed. */
    public enum Source {
        CACHE,
        RANGE_API,
        OFFLINE_INDEX,
        NONE,
        BUDGET_SPENT
    }

    public static BreachCount unavailable() {
        return new BreachCount(0, false, Source.NONE);
    }

    public static BreachCount budgetSpent() {
        return new BreachCount(0, false, Source.BUDGET_SPENT);
    }

    /** The decision for a threshold, with the failure mode deciding when no count is known. */
    public Verdict verdict(long threshold, FailureMode failureMode) {
        if (!available) {
            return failureMode == FailureMode.CLOSED ? Verdict.UNAVAILABLE_REFUSED : Verdict.UNAVAILABLE_ALLOWED;
        }
        return count >= threshold ? Verdict.BREACHED : Verdict.CLEAN;
    }

    public enum Verdict {
        CLEAN,
        BREACHED,
        UNAVAILABLE_ALLOWED,
        UNAVAILABLE_REFUSED
    }
}
