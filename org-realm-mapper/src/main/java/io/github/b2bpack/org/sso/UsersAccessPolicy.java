package io.github.b2bpack.org.sso;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Cryptr's {@code users_access_policy}: what the first login through the organization's identity provider does
 * with a person the organization's realm does not know (a known person, same email, is always linked).
 */
public enum UsersAccessPolicy {
    /** Refused with a page ({@code b2bpackSsoUserNotRegistered}); only users created beforehand get in. */
    ONLY_REGISTERED_USERS("only_registered_users"),
    /** Created in the realm (a lasting user, in the users API), within the organization's email domains. */
    PROVISION_NEW_USERS("provision_new_users"),
    /**
     * Let in without being stored: Keycloak's transient users (the identity provider's "do not store users"),
     * which needs the server feature {@code transient-users}; refused (400) on a server without it.
     */
    UNREGISTERED_USERS_ALLOWED("unregistered_users_allowed");

    /** Cryptr's default. */
    public static final UsersAccessPolicy DEFAULT = PROVISION_NEW_USERS;

    private final String id;

    UsersAccessPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<UsersAccessPolicy> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
    }
}
