package io.github.b2bpack.it.upgrade;

import io.github.b2bpack.it.PackProviders;
import io.github.b2bpack.it.PackServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.keycloak.it.utils.Maven;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Liquibase changesets the pack's jars carry, read from the very jars the server gets ({@code META-INF/*changelog*.xml}
 * in each module's jar), so the upgrade test needs no edit when a module adds a changeset.
 */
final class PackChangesets {

    private PackChangesets() {}

    /** {@code id|author} of every changeset of every pack jar. */
    static Set<String> inJars() {
        Set<String> changesets = new TreeSet<>();
        for (String module : PackProviders.MODULES) {
            Path jar = Maven.resolveArtifact(PackServerConfig.GROUP_ID, module);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (name.startsWith("META-INF/") && name.contains("changelog") && name.endsWith(".xml")) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            changesets.addAll(read(in));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(jar.toString(), e);
            }
        }
        return changesets;
    }

    private static Set<String> read(InputStream xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "changeSet");
            Set<String> ids = new TreeSet<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element changeSet = (Element) nodes.item(i);
                ids.add(changeSet.getAttribute("id") + "|" + changeSet.getAttribute("author"));
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a changelog", e);
        }
    }
}
