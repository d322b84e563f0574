package io.github.b2bpack.org.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * The realm JSON every new organization realm is imported from: a file named by the server
 * option, or the pack's recommended default. Read once at start; each realm gets a fresh copy.
 */
public final class RealmTemplate {

    /** Classpath location of the shipped default template. */
    public static final String DEFAULT_RESOURCE = "b2bpack/org-realm-template.json";

    private final String json;
    private final String source;

    private RealmTemplate(String json, String source) {
        this.json = json;
        this.source = source;
    }

    /** Loads the template from {@code path}, or the default when the path is null or blank. */
    public static RealmTemplate load(String path) {
        if (path == null || path.isBlank()) {
            try (InputStream in = RealmTemplate.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + DEFAULT_RESOURCE);
                }
                return checked(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return checked(Files.readString(Path.of(path), StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read realm template " + path, e);
        }
    }

    /** A fresh representation for one realm: name, id and display name set, everything else from the template. */
    public RealmRepresentation instantiate(String realmName, String displayName, boolean enabled) {
        RealmRepresentation rep = parse(json, source);
        rep.setId(realmName);
        rep.setRealm(realmName);
        rep.setDisplayName(displayName);
        rep.setEnabled(enabled);
        return rep;
    }

    public String source() {
        return source;
    }

    private static RealmTemplate checked(String json, String source) {
        parse(json, source);
        return new RealmTemplate(json, source);
    }

    private static RealmRepresentation parse(String json, String source) {
        try {
            return JsonSerialization.readValue(json, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "realm template " + source + " is not a realm representation: " + e.getMessage(), e);
        }
    }
}
