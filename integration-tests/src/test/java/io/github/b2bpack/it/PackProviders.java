package io.github.b2bpack.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the pack deploys. Each module owns two test resources, so modules never edit a shared file:
 * {@code expected-providers/<module>.properties} ({@code spi-id = provider-id, provider-id}) and
 * {@code server-options/<module>.properties} ({@code option = value}, passed as {@code --option=value}).
 */
public final class PackProviders {

    public static final List<String> MODULES = List.of(
            "password-policy-provider",
            "hibp-policy",
            "totp-sms-authenticator",
            "org-realm-mapper",
            "webhook-event-listener");

    private PackProviders() {
    }

    /** SPI id → provider ids that {@code /admin/serverinfo} must list once the pack is installed. */
    public static Map<String, Set<String>> expectedProviders() {
        Map<String, Set<String>> expected = new TreeMap<>();
        moduleProperties("expected-providers").forEach((spi, ids) -> expected
                .computeIfAbsent(spi, k -> new TreeSet<>())
                .addAll(Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet())));
        return expected;
    }

    /** The merged {@code <folder>/<module>.properties} of every module that has one; a key twice is an error. */
    static Map<String, String> moduleProperties(String folder) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String module : MODULES) {
            String resource = folder + "/" + module + ".properties";
            try (InputStream in = PackProviders.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                Properties properties = new Properties();
                properties.load(in);
                for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                    String previous = merged.putIfAbsent(key, properties.getProperty(key).trim());
                    if (previous != null && !folder.equals("expected-providers")) {
                        throw new IllegalStateException(resource + " sets " + key + " again");
                    }
                    if (previous != null) {
                        merged.put(key, previous + "," + properties.getProperty(key).trim());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return merged;
    }
}
