package io.github.b2bpack.webhook.health;

/**
 * The conditional writes one attempt result asks for, in this order; each is guarded in the database, so a node
 * whose copy is stale writes nothing wrong, and only the node whose write changed the row sends the event.
 *
 * @param markFailing  set {@code failing_since} where it is null (the first failure after a success)
 * @param announce     set {@code failing_notified_at} where it is null: {@code webhook.endpoint.failing}
 * @param checkDisable set {@code disabled_at} where failing since the cut-off and not disabled yet, then deactivate
 * @param clear        clear the failing period: {@code webhook.endpoint.recovered} when it had been announced
 */
public record Plan(boolean markFailing, boolean announce, boolean checkDisable, boolean clear) {

    public static final Plan NOTHING = new Plan(false, false, false, false);

    public boolean writesNothing() {
        return !markFailing && !announce && !checkDisable && !clear;
    }
}
