package io.github.b2bpack.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a Linux process and of its threads, from {@code /proc} (clock ticks of 10 ms), so a benchmark
 * can say where the CPU of a run went: the Keycloak JVM(s), PostgreSQL, or this test JVM (load generator and
 * receiver).
 */
public final class ProcessCpu {

    private static final long MILLIS_PER_TICK = 10;

    private ProcessCpu() {}

    /** The test server's JVM: the only process whose command line names a Keycloak home directory. */
    public static Optional<Long> keycloakPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("-Dkc.home.dir="))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    /** User + system CPU time of the whole process, in milliseconds; -1 when it cannot be read. */
    public static long millis(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat")) * MILLIS_PER_TICK;
    }

    /**
     * CPU milliseconds per thread group: thread names with their trailing numbers and separators removed,
     * so {@code executor-thread-12} and {@code executor-thread-3} add up under {@code executor-thread}.
     */
    public static Map<String, Long> byThreadGroup(long pid) {
        Map<String, Long> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[-#_ ]*\\d+$", "");
                    long t = ticks(task.resolve("stat"));
                    if (t >= 0) {
                        groups.merge(name, t * MILLIS_PER_TICK, Long::sum);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    /** CPU milliseconds of every Keycloak JVM on the machine (a cluster's nodes), summed. */
    public static long keycloakMillis() {
        return sum(p ->
                p.info().commandLine().map(c -> c.contains("-Dkc.home.dir=")).orElse(false));
    }

    /**
     * CPU milliseconds of every PostgreSQL process (postmaster, backends, WAL writer, checkpointer), summed; a backend
     * that ended between two readings takes its time with it, so read this over runs that keep their connections.
     */
    public static long postgresMillis() {
        return sum(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    /** The first three fields of {@code /proc/loadavg} (1, 5 and 15 minutes). */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long sum(java.util.function.Predicate<ProcessHandle> which) {
        return ProcessHandle.allProcesses()
                .filter(which)
                .mapToLong(p -> Math.max(0, millis(p.pid())))
                .sum();
    }

    private static long ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
