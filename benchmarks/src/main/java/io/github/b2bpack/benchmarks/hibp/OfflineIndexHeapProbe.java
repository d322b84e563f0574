package io.github.b2bpack.benchmarks.hibp;

import io.github.b2bpack.hibp.offline.OfflineIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Heap growth and latency percentiles of the offline index outside JMH:
 * {@code java -Xmx64m -cp benchmarks/target/benchmarks.jar io.github.b2bpack.benchmarks.hibp.OfflineIndexHeapProbe [entries] [lookups]}.
 * Builds the generated index if needed, then measures used heap (after GC) before opening it and
 * after a million lookups, and the latency of every lookup with System.nanoTime.
 */
public final class OfflineIndexHeapProbe {

    private OfflineIndexHeapProbe() {}

    public static void main(String[] args) throws Exception {
        long entries = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        var path = GeneratedCorpus.index(entries);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long[] nanos = new long[lookups]; // allocated before the first measurement: not index heap
        SplittableRandom random = new SplittableRandom(3);
        long before = usedAfterGc(memory);
        OfflineIndex index = OfflineIndex.open(path);
        long found = 0;
        for (int i = 0; i < lookups; i++) {
            long query = (i & 1) == 0 ? GeneratedCorpus.member(random.nextLong(entries)) : random.nextLong();
            long t0 = System.nanoTime();
            found += index.count(query) > 0 ? 1 : 0;
            nanos[i] = System.nanoTime() - t0;
        }
        long after = usedAfterGc(memory);
        Arrays.sort(nanos);
        System.out.printf(
                "entries %,d, file %,d bytes (%.3f bytes/hash), lookups %,d (half present), found %,d%n",
                index.entries(),
                java.nio.file.Files.size(path),
                (double) java.nio.file.Files.size(path) / index.entries(),
                lookups,
                found);
        System.out.printf(
                "latency ns: p50 %d, p90 %d, p99 %d, p99.9 %d, max %d%n",
                nanos[lookups / 2],
                nanos[(int) (lookups * 0.9)],
                nanos[(int) (lookups * 0.99)],
                nanos[(int) (lookups * 0.999)],
                nanos[lookups - 1]);
        System.out.printf(
                "heap used after GC: before open %.2f MB, after lookups %.2f MB, growth %.2f MB (max heap %.0f MB)%n",
                before / 1e6,
                after / 1e6,
                (after - before) / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        if (index.entries() < 0) {
            System.out.println(nanos.length); // keeps the array reachable until here
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
