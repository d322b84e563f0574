package io.github.b2bpack.webhook.event;

import java.util.function.Supplier;

/**
 * A value computed on first use and kept, for one event on one thread: what filters and the payload both need (the
 * event's client, its realm's organization) is looked up at most once, and not at all when nothing needs it.
 */
final class Lazy<T> implements Supplier<T> {

    private Supplier<T> compute;
    private T value;

    Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        if (compute != null) {
            value = compute.get();
            compute = null;
        }
        return value;
    }
}
