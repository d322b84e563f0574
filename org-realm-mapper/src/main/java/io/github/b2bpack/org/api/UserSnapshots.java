package io.github.b2bpack.org.api;

import io.github.b2bpack.org.users.UserSnapshot;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Reads what Keycloak holds of a user into the pure {@link UserSnapshot} the Cryptr mapping works on. */
final class UserSnapshots {

    private UserSnapshots() {}

    static UserSnapshot of(KeycloakSession session, RealmModel realm, UserModel user) {
        List<UserSnapshot.Identity> identities = session.users()
                .getFederatedIdentitiesStream(realm, user)
                .map(link ->
                        new UserSnapshot.Identity(link.getIdentityProvider(), link.getUserId(), link.getUserName()))
                .toList();
        return new UserSnapshot(
                user.getId(),
                user.getUsername(),
                user.getEmail(),
                user.isEmailVerified(),
                user.isEnabled(),
                user.getCreatedTimestamp(),
                user.getLastModifiedTimestamp(),
                user.getAttributes(),
                identities);
    }
}
