package io.github.b2bpack.sms.headless;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who may call the headless API: the service account of a confidential client of the organization realm itself,
 * holding the realm role {@link #ROLE}. Keycloak has already refused a token of another realm (except master's);
 * this also refuses master's admins, the realm's human admins (no service account) and any other client. The
 * client found here is the one every authorization code is minted for, so an application can only ever redeem
 * codes for itself.
 */
final class HeadlessCaller {

    static final String ROLE = "b2bpack-headless";

    private HeadlessCaller() {}

    /** The calling client, or null when the caller is not allowed. */
    static ClientModel client(AdminAuth auth, RealmModel realm) {
        if (auth == null || auth.getRealm() == null || !auth.getRealm().getId().equals(realm.getId())) {
            return null;
        }
        ClientModel client = auth.getClient();
        UserModel user = auth.getUser();
        if (client == null || user == null || client.isPublicClient() || client.isBearerOnly()) {
            return null;
        }
        if (!client.getId().equals(user.getServiceAccountClientLink()) || !user.isEnabled()) {
            return null;
        }
        RoleModel role = realm.getRole(ROLE);
        return role != null && user.hasRole(role) ? client : null;
    }
}
