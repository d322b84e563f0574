package io.github.b2bpack.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the pack deploys. Modules own their own test resources, so they never edit a shared file:
 * {@code expected-providers/<name>.properties} ({@code spi-id = provider-id, provider-id}) and
 * {@code server-options/<name>.properties} ({@code option = value}, passed as {@code --option=value}).
 */
public final class PackProviders {

    public static final List<String> MODULES = List.of(
            "password-policy-provider",
            "hibp-policy",
            "totp-sms-authenticator",
            "magic-link-authenticator",
            "org-realm-mapper",
            "webhook-event-listener");

    private PackProviders() {}

    /** Server-wide options of every module ({@code option → value}, passed as {@code --option=value}). */
    public static Map<String, String> serverOptions() {
        return moduleProperties("server-options");
    }

    /** SPI id → provider ids that {@code /admin/serverinfo} must list once the pack is installed. */
    public static Map<String, Set<String>> expectedProviders() {
        Map<String, Set<String>> expected = new TreeMap<>();
        moduleProperties("expected-providers")
                .forEach((spi, ids) -> expected.computeIfAbsent(spi, k -> new TreeSet<>())
                        .addAll(Arrays.stream(ids.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .collect(Collectors.toSet())));
        return expected;
    }

    /**
     * The merged {@code <folder>/*.properties} test resources, read in file-name order. A module owns
     * one or more files there ({@code <module>.properties}, or one per area of a large module).
     * A server option set twice is an error; provider ids of one SPI from several files add up.
     */
    static Map<String, String> moduleProperties(String folder) {
        boolean additive = folder.equals("expected-providers");
        Map<String, String> merged = new LinkedHashMap<>();
        for (Path file : propertyFiles(folder)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                String value = properties.getProperty(key).trim();
                String previous = merged.putIfAbsent(key, value);
                if (previous != null && !additive) {
                    throw new IllegalStateException(file + " sets " + key + " again");
                }
                if (previous != null) {
                    merged.put(key, previous + "," + value);
                }
            }
        }
        return merged;
    }

    private static List<Path> propertyFiles(String folder) {
        URL url = PackProviders.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(folder, e);
        }
    }
}
