package io.github.b2bpack.it.upgrade;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak config keystore made the way Keycloak's configuration guide says: a PKCS12 file, one
 * {@code keytool -importpass} entry per option, aliased {@code kc.<option>}. The values go through keytool's standard
 * input and the store password through an environment variable ({@code -storepass:env}), so neither is ever in a
 * process list.
 */
final class ConfigKeystore {

    /** The environment variable holding the store's password, for keytool here and for Keycloak itself. */
    static final String PASSWORD_ENV = "KC_CONFIG_KEYSTORE_PASSWORD";

    private ConfigKeystore() {}

    static Path create(Path file, String storePassword, Map<String, String> options) throws IOException {
        Files.deleteIfExists(file);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        for (Map.Entry<String, String> option : options.entrySet()) {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-importpass",
                            "-alias",
                            "kc." + option.getKey(),
                            "-keystore",
                            file.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass:env",
                            PASSWORD_ENV))
                    .redirectErrorStream(true);
            builder.environment().put(PASSWORD_ENV, storePassword);
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                // keytool asks for the value, then once more to confirm it.
                String value = option.getValue() + "\n";
                in.write((value + value).getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("keytool -importpass kc." + option.getKey() + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return file;
    }
}
