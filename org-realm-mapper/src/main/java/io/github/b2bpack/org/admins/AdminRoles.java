package io.github.b2bpack.org.admins;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code realm-management} client roles an accepted administrator receives in the organization's realm,
 * the least that let them manage its users, its SSO connection (identity providers) and its directory sync
 * (users and groups), each with the reason it is needed. Nothing on master, nothing on another realm; no
 * {@code manage-realm} (realm settings, flows, SMTP, keys), no {@code manage-clients}, no
 * {@code impersonation}, no {@code manage-events}, no {@code realm-admin}.
 */
public final class AdminRoles {

    /** Role name to why the administrator needs it (docs/org-realm-mapper.md repeats this table). */
    public static final Map<String, String> GRANTED = granted();

    private AdminRoles() {}

    private static Map<String, String> granted() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("view-users", "read users, their sessions, credentials' metadata and groups");
        roles.put("query-users", "search users (the admin console's user list and the users API's list)");
        roles.put("manage-users", "create, update, disable and delete users and groups (directory sync acts on both)");
        roles.put("query-groups", "search groups (directory sync maps directory groups to realm groups)");
        roles.put("view-identity-providers", "read the SSO connection (identity provider and its mappers)");
        roles.put("manage-identity-providers", "create and change the SSO connection and its attribute mappers");
        roles.put(
                "view-realm",
                "read-only realm settings the identity-provider form needs (authentication flows for the first and "
                        + "post login flows, the realm's keys' public part) and the user profile the user form needs");
        return java.util.Collections.unmodifiableMap(roles);
    }
}
