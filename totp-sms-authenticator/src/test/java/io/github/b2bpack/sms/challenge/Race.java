package io.github.b2bpack.sms.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Real threads released at the same instant, for the limits that must hold under parallel requests. */
final class Race {

    private Race() {}

    /** Runs {@code n} copies of {@code task} released at the same instant; returns their results. */
    static <T> List<T> run(int n, Callable<T> task) throws Exception {
        return run(n, i -> task);
    }

    /** Runs {@code tasks.apply(i)} for {@code i < n}, all released at the same instant; results in order. */
    static <T> List<T> run(int n, IntFunction<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> task = tasks.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
