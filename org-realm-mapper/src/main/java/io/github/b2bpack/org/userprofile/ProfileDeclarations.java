package io.github.b2bpack.org.userprofile;

import io.github.b2bpack.org.jpa.RowLocks;
import io.github.b2bpack.org.users.MetaKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Declares the attributes the users API writes (OIDC profile claims, metadata) in an organization realm's
 * user profile. Keycloak drops or hides attributes the profile does not declare (its unmanaged-attribute
 * policy, off by default), so an undeclared attribute would not survive the next profile update. Declared
 * attributes are seen and edited by administrators only ({@code admin} in both permissions), so they appear
 * in neither the account console nor the login forms, and are at most 255 characters.
 */
public final class ProfileDeclarations {

    private static final int MAX_LENGTH = 255;

    private ProfileDeclarations() {}

    /**
     * Declares the missing ones of {@code names}; writes the configuration only when one was missing. The
     * configuration is one document, so a declaration is read-then-write: when one is missing the realm's row is
     * locked and the configuration read again from the database, so parallel declarations all survive (under
     * MariaDB's repeatable read the second of two parallel first declarations fails at commit instead: an
     * organization realm is born with these attributes, so this writes only where an operator removed one).
     */
    public static void ensure(KeycloakSession session, RealmModel realm, Collection<String> names) {
        boolean missing = inRealm(session, realm, () -> {
            UPConfig config = session.getProvider(UserProfileProvider.class).getConfiguration();
            return names.stream().anyMatch(name -> config.getAttribute(name) == null);
        });
        if (!missing) {
            return;
        }
        RowLocks.lockRealm(session, realm);
        declare(session, realm, names);
    }

    /**
     * Declares the missing ones of {@code names} in a realm this transaction created (nobody else can write its
     * profile yet, so no lock): an organization realm is born with the attributes the users API writes, and the
     * users API never has to rewrite the profile while other requests may.
     */
    public static void declareInNewRealm(KeycloakSession session, RealmModel realm, Collection<String> names) {
        declare(session, realm, names);
    }

    private static void declare(KeycloakSession session, RealmModel realm, Collection<String> names) {
        inRealm(session, realm, () -> {
            UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
            UPConfig config = profiles.getConfiguration();
            boolean changed = false;
            for (String name : names) {
                if (config.getAttribute(name) == null) {
                    config.addOrReplaceAttribute(declaration(name));
                    changed = true;
                }
            }
            if (changed) {
                profiles.setConfiguration(config);
            }
            return null;
        });
    }

    /** What declaring one metadata key did: where it was added, or that a realm had no room left. */
    public record MetaKeyDeclaration(List<String> addedIn, boolean full) {}

    /**
     * Declares the metadata key {@code key} in each of {@code realms} unless there, all or nothing: when one realm
     * already declares {@code max} keys, none is changed. Runs in a transaction of its own that starts with the
     * realms' row locks, so parallel declarations each see the others (none is lost, the cap counts them all) on
     * every database, repeatable read included; it is committed when this returns.
     */
    public static MetaKeyDeclaration declareMetaKey(
            KeycloakSession session, List<RealmModel> realms, String key, int max) {
        String attribute = MetaKeys.attribute(key);
        List<String> ids = realms.stream().map(RealmModel::getId).toList();
        return RowLocks.inLockedRealms(session, ids, (locked, lockedRealms) -> {
            List<RealmModel> missing = new ArrayList<>();
            for (RealmModel realm : lockedRealms) {
                List<String> declared = metaKeys(locked, realm);
                if (declared.contains(key)) {
                    continue;
                }
                if (declared.size() >= max) {
                    return new MetaKeyDeclaration(List.of(), true);
                }
                missing.add(realm);
            }
            for (RealmModel realm : missing) {
                declare(locked, realm, List.of(attribute));
            }
            return new MetaKeyDeclaration(
                    missing.stream().map(RealmModel::getId).toList(), false);
        });
    }

    /** The metadata keys declared in the realm's user profile. */
    public static List<String> metaKeys(KeycloakSession session, RealmModel realm) {
        return inRealm(
                session,
                realm,
                () -> session.getProvider(UserProfileProvider.class).getConfiguration().getAttributes().stream()
                        .map(UPAttribute::getName)
                        .map(MetaKeys::keyOf)
                        .flatMap(java.util.Optional::stream)
                        .sorted()
                        .toList());
    }

    /** Whether the realm has internationalization on, which makes {@code locale} Keycloak's own attribute. */
    public static boolean localeManaged(RealmModel realm) {
        return realm.isInternationalizationEnabled();
    }

    /** Runs {@code work} with {@code realm} as the context realm: the user-profile provider works on that one. */
    public static <T> T inRealm(KeycloakSession session, RealmModel realm, Supplier<T> work) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return work.get();
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private static UPAttribute declaration(String name) {
        UPAttribute attribute = new UPAttribute(name, new UPAttributePermissions(Set.of("admin"), Set.of("admin")));
        attribute.setDisplayName(name);
        attribute.setValidations(Map.of("length", Map.of("max", MAX_LENGTH)));
        // Keycloak's SCIM API reads every custom attribute's annotations (UserExtensionModelSchema) and fails with a
        // NullPointerException, a 500 for every SCIM user write, on an attribute that has none.
        attribute.setAnnotations(new HashMap<>());
        return attribute;
    }
}
