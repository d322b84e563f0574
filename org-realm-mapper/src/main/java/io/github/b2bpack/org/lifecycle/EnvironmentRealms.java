package io.github.b2bpack.org.lifecycle;

import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.EnvironmentStatus;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.RealmModel;

/** An organization's realms; either may be missing (deleted in the console, or a sandbox never created). */
public record EnvironmentRealms(Optional<RealmModel> production, Optional<RealmModel> sandbox) {

    public Optional<RealmModel> of(Environment environment) {
        return environment == Environment.PRODUCTION ? production : sandbox;
    }

    /** Read from the realm itself (cached by Keycloak), so it follows the realm's enabled flag however it was set. */
    public EnvironmentStatus status(Environment environment) {
        return EnvironmentStatus.of(
                of(environment).filter(RealmModel::isEnabled).isPresent());
    }

    /** The realms that exist, production first. */
    public List<RealmModel> present() {
        return Stream.of(production, sandbox).flatMap(Optional::stream).toList();
    }
}
