package io.github.b2bpack.webhook.dispatch;

import java.util.List;

/**
 * Told of the outcomes once written (on the recorder's thread, after their transaction committed): what watches
 * the endpoints' health. Its faults are its own; it must not throw.
 */
public interface ResultObserver {

    /** No one is watching. */
    ResultObserver NONE = new ResultObserver() {
        @Override
        public void recorded(List<Outcome> written) {}

        @Override
        public void refresh() {}
    };

    void recorded(List<Outcome> written);

    /** Called every few seconds: takes what other nodes changed. */
    void refresh();
}
