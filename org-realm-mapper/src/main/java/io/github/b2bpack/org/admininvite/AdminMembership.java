package io.github.b2bpack.org.admininvite;

import io.github.b2bpack.org.admins.AdminAttributes;
import io.github.b2bpack.org.admins.AdminRecord;
import io.github.b2bpack.org.admins.AdminRoles;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * What being an organization administrator means in Keycloak: the {@link AdminRoles} of the organization
 * realm's own {@code realm-management} client (so the rights end at that realm's border), the invitation
 * attributes, and the actions the person completes after accepting.
 */
public final class AdminMembership {

    /** The SMS second factor's required action and credential type (module totp-sms-authenticator). */
    static final String SMS_REQUIRED_ACTION = "CONFIGURE_SMS_OTP";

    static final String SMS_CREDENTIAL = "sms-otp";

    private AdminMembership() {}

    /** The user's administrator record, or null when the user was never invited. */
    public static AdminRecord record(UserModel user) {
        return AdminAttributes.read(user.getAttributes());
    }

    public static void grant(RealmModel realm, UserModel user) {
        roles(realm).forEach(user::grantRole);
    }

    /** Removes the administrator roles (whoever granted them) and ends every session of the user. */
    public static void revoke(KeycloakSession session, RealmModel realm, UserModel user) {
        roles(realm).stream().filter(user::hasDirectRole).forEach(user::deleteRoleMapping);
        endSessions(session, realm, user);
    }

    /**
     * Logs the user out everywhere and makes tokens issued before now invalid, so an access token of a
     * removed administrator stops working at once rather than at its expiry.
     */
    public static void endSessions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Keycloak's logout takes the realm from the session's context, which is master on the organization API's
        // master path: there it removed nothing (the session stores refuse another realm's session) and looked the
        // upstream identity provider up in master. The user's realm is the context realm meanwhile.
        KeycloakModelUtils.runOnRealm(session, realm, s -> {
            List<UserSessionModel> sessions =
                    s.sessions().getUserSessionsStream(realm, user).toList();
            sessions.forEach(userSession -> AuthenticationManager.backchannelLogout(s, userSession, true));
            s.users().setNotBeforeForUser(realm, user, Time.currentTime());
            return null;
        });
    }

    /** Sets or clears one invitation attribute. */
    public static void set(UserModel user, String attribute, Long millis) {
        if (millis == null) {
            user.removeAttribute(attribute);
        } else {
            user.setSingleAttribute(attribute, Long.toString(millis));
        }
    }

    /** Removes every invitation attribute: the user stays, as a plain user of the organization. */
    public static void forget(UserModel user) {
        AdminAttributes.ALL.forEach(user::removeAttribute);
    }

    /**
     * Adds what the person must do before the first login as administrator: a password when they have none or
     * {@code newPassword} (the account existed before the invitation or its email was never verified: whoever
     * set its current password may not be the person who owns the address),
     * and the SMS second factor when the realm requires it of new users (its {@code CONFIGURE_SMS_OTP} required
     * action is enabled and set as a default action) and they have not enrolled yet.
     */
    static void addRequiredActions(RealmModel realm, UserModel user, boolean newPassword) {
        if (newPassword
                || user.credentialManager()
                        .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                        .findAny()
                        .isEmpty()) {
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        RequiredActionProviderModel sms = realm.getRequiredActionProviderByAlias(SMS_REQUIRED_ACTION);
        if (sms != null
                && sms.isEnabled()
                && sms.isDefaultAction()
                && user.credentialManager()
                        .getStoredCredentialsByTypeStream(SMS_CREDENTIAL)
                        .findAny()
                        .isEmpty()) {
            user.addRequiredAction(SMS_REQUIRED_ACTION);
        }
    }

    /**
     * Whether the user holds (directly, through a group or a composite) a {@code realm-management} role that
     * {@link AdminRoles} does not grant, {@code realm-admin} or {@code manage-realm} say: the pack's APIs do not
     * let an organization administrator touch such a user (its password, email or roles), nor invite one.
     */
    public static boolean holdsOtherManagementRoles(RealmModel realm, UserModel user) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null
                && management
                        .getRolesStream()
                        .filter(role -> !AdminRoles.GRANTED.containsKey(role.getName()))
                        .anyMatch(user::hasRole);
    }

    /**
     * Whether anyone may already be using the account: it has a credential (password, OTP, passkey…) or a
     * link to an identity provider. Such an account is never deleted with an invitation.
     */
    public static boolean inUse(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.credentialManager().getStoredCredentialsStream().findAny().isPresent()
                || session.users()
                        .getFederatedIdentitiesStream(realm, user)
                        .findAny()
                        .isPresent();
    }

    /** The administrator roles of the realm's {@code realm-management} client. */
    static List<RoleModel> roles(RealmModel realm) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null) {
            throw new IllegalStateException("realm " + realm.getName() + " has no realm-management client");
        }
        return AdminRoles.GRANTED.keySet().stream()
                .map(management::getRole)
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
