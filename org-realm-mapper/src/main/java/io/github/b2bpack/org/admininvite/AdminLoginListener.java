package io.github.b2bpack.org.admininvite;

import io.github.b2bpack.org.admins.AdminAttributes;
import io.github.b2bpack.org.admins.AdminRecord;
import io.github.b2bpack.org.admins.AdminStatus;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Writes {@code last_login_at} on an accepted administrator of an organization realm at each successful LOGIN
 * (browser or password grant), in the login's own transaction: a user attribute, so every node reads it. Other
 * realms and users cost one realm lookup, from Keycloak's cache.
 */
final class AdminLoginListener implements EventListenerProvider {

    private final KeycloakSession session;

    AdminLoginListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getUserId() == null || event.getRealmId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || realm.getAttribute(OrganizationManager.SLUG_ATTRIBUTE) == null) {
            return;
        }
        UserModel user = session.users().getUserById(realm, event.getUserId());
        AdminRecord admin = user == null ? null : AdminMembership.record(user);
        if (admin != null && admin.status() == AdminStatus.ACCEPTED) {
            AdminMembership.set(user, AdminAttributes.LAST_LOGIN_AT, event.getTime());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {}

    @Override
    public void close() {}
}
