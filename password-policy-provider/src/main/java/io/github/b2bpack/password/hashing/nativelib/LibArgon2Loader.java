package io.github.b2bpack.password.hashing.nativelib;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Finds the fastest libargon2 for this machine. On x86-64 Linux that is one of the SIMD builds shipped
 * in this jar (AVX2 when the CPU has it, else SSE4.2; see {@code src/main/native/build-libargon2.sh}):
 * argon2-jvm's own library and distributions' {@code libargon2.so.1} are builds of the portable
 * reference code. Elsewhere, or when asked, it is argon2-jvm's library (JNA looks for a system
 * {@code libargon2} first, then extracts the one bundled in argon2-jvm).
 */
public final class LibArgon2Loader {

    /** Which library to use: {@code auto} (the shipped SIMD build where it fits) or {@code argon2-jvm}. */
    public enum Choice {
        AUTO,
        ARGON2_JVM;

        public static Choice of(String value) {
            return switch (value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT)) {
                case "", "auto" -> AUTO;
                case "argon2-jvm" -> ARGON2_JVM;
                default ->
                    throw new IllegalArgumentException(
                            "native library must be auto or argon2-jvm, got '" + value + "'");
            };
        }
    }

    /** A loaded library and a name for the startup log line. */
    public record Loaded(LibArgon2 library, String description) {}

    private static final String RESOURCE_DIR = "/io/github/b2bpack/password/hashing/nativelib/linux-x86-64/";

    private LibArgon2Loader() {}

    public static Loaded load(Choice choice) {
        String build = choice == Choice.AUTO ? simdBuildForThisCpu() : null;
        if (build != null) {
            try {
                Path file = extract(build);
                return new Loaded(
                        Native.load(file.toString(), LibArgon2.class), "libargon2 " + build + " (shipped SIMD build)");
            } catch (IOException | LinkageError e) {
                // Fall through to argon2-jvm's library: slower, never wrong.
            }
        }
        return new Loaded(
                Native.load("argon2", LibArgon2.class), "libargon2 from argon2-jvm or the system (reference build)");
    }

    /** The shipped build this CPU runs, or {@code null} when none fits. */
    static String simdBuildForThisCpu() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return null;
        }
        String flags = cpuFlags();
        if (has(flags, "avx2") && has(flags, "bmi2")) {
            return "libargon2-avx2.so";
        }
        if (has(flags, "sse4_2") && has(flags, "ssse3") && has(flags, "popcnt")) {
            return "libargon2-sse.so";
        }
        return null;
    }

    private static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return " " + line.substring(line.indexOf(':') + 1).trim() + " ";
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: use argon2-jvm's library.
        }
        return "";
    }

    private static boolean has(String flags, String flag) {
        return flags.contains(" " + flag + " ");
    }

    /** Copies the build to a private temporary file (owner-only, removed at exit): the JVM can only load files. */
    private static Path extract(String build) throws IOException {
        try (InputStream in = LibArgon2Loader.class.getResourceAsStream(RESOURCE_DIR + build)) {
            if (in == null) {
                throw new IOException("missing " + build);
            }
            Path dir = Path.of(System.getProperty("jna.tmpdir", System.getProperty("java.io.tmpdir")));
            Path file;
            try {
                file = Files.createTempFile(
                        dir,
                        "b2bpack-",
                        "-" + build,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                file = Files.createTempFile(dir, "b2bpack-", "-" + build);
            }
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
