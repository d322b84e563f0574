package io.github.b2bpack.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The exact jar list an operator copies into Keycloak's {@code providers/}: the five module jars (their
 * zxcvbn4j and libphonenumber shaded and relocated inside) and argon2-jvm's two jars, nothing else. A jar
 * that slips in beside them (an unshaded copy of a shaded library, a transitive dependency) fails here.
 * Runs in this module's verify phase because the integration tests build before the distribution.
 */
class DistributionLayoutTest {

    private static final String VERSION = System.getProperty("pack.version");
    private static final String ARGON2_JVM = System.getProperty("argon2-jvm.version");

    private static Set<String> expectedJars() {
        Set<String> jars = new TreeSet<>();
        for (String module : new String[] {
            "password-policy-provider",
            "hibp-policy",
            "totp-sms-authenticator",
            "magic-link-authenticator",
            "org-realm-mapper",
            "webhook-event-listener"
        }) {
            jars.add(module + "-" + VERSION + ".jar");
        }
        jars.add("argon2-jvm-" + ARGON2_JVM + ".jar");
        jars.add("argon2-jvm-nolibs-" + ARGON2_JVM + ".jar");
        return jars;
    }

    @Test
    void providersFolderHoldsExactlyTheModuleAndArgon2Jars() throws IOException {
        Path providers = Path.of(System.getProperty("pack.dir"), "providers");
        assertTrue(Files.isDirectory(providers), providers + " was not built");
        Set<String> listed = new TreeSet<>();
        try (Stream<Path> files = Files.list(providers)) {
            files.forEach(p -> listed.add(p.getFileName().toString()));
        }
        assertEquals(expectedJars(), listed);
    }

    @Test
    void zipShipsTheSameProvidersAndTheLegalFiles() throws IOException {
        String root = "b2bpack-" + VERSION + "/";
        Set<String> providers = new TreeSet<>();
        Set<String> topLevel = new TreeSet<>();
        try (ZipFile zip = new ZipFile(System.getProperty("pack.zip"))) {
            zip.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).forEach(name -> {
                assertTrue(name.startsWith(root), name + " outside " + root);
                String inside = name.substring(root.length());
                if (inside.startsWith("providers/")) {
                    providers.add(inside.substring("providers/".length()));
                } else {
                    topLevel.add(inside);
                }
            });
        }
        assertEquals(expectedJars(), providers);
        assertEquals(new TreeSet<>(Set.of("LICENSE", "NOTICE", "README.md")), topLevel);
    }
}
