package io.github.b2bpack.org.scim;

import io.github.b2bpack.org.dirsync.DirectorySync;
import io.github.b2bpack.org.dirsync.DirectorySyncToken;
import io.github.b2bpack.org.jpa.RowLocks;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * The directory sync of one organization realm, kept where Keycloak keeps the rest of the realm (so every node
 * of a cluster sees the same one): a client {@value #CLIENT_ID} whose service account is the identity SCIM
 * requests act as. The client is disabled and authenticates with {@code client-jwt} with no key registered, so
 * nobody can get an OAuth token for it: the only credential is the directory's bearer token, whose hash sits in
 * a client attribute. Its service account holds {@link #ROLES} of {@code realm-management} and nothing else,
 * and the client's scope is limited to them.
 */
public final class DirectorySyncs {

    public static final String CLIENT_ID = "b2bpack-directory-sync";

    /** What Keycloak's SCIM resources check: read, search and change users and groups; no realm, client or role. */
    public static final List<String> ROLES =
            List.of(AdminRoles.VIEW_USERS, AdminRoles.QUERY_USERS, AdminRoles.MANAGE_USERS, AdminRoles.QUERY_GROUPS);

    private static final String PREFIX = "b2bpack.directory_sync.";
    private static final String TOKEN_HASH = PREFIX + "token_sha256";
    private static final String ACTIVE = PREFIX + "active";
    private static final String INSERTED_AT = PREFIX + "inserted_at";
    private static final String UPDATED_AT = PREFIX + "updated_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;

    public DirectorySyncs(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Optional<DirectorySync> find() {
        return client().map(DirectorySyncs::view);
    }

    /**
     * Creates the realm's directory sync and its token, or empty when it has one already. The realm row is locked
     * first, so two parallel creations give one directory sync and one 409, not a duplicate-key 500.
     */
    public Optional<DirectorySync.Issued> create(String domain, String environment) {
        RowLocks.lockRealm(session, realm);
        if (realm.getClientByClientId(CLIENT_ID) != null) {
            return Optional.empty();
        }
        ClientModel client = realm.addClient(CLIENT_ID);
        client.setName("Directory Sync (SCIM)");
        client.setDescription("b2bpack directory sync: the identity SCIM requests act as. No OAuth grant works for"
                + " it; the directory's bearer token is checked by the pack (docs/org-realm-mapper.md).");
        client.setProtocol("openid-connect");
        client.setEnabled(false);
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setClientAuthenticatorType("client-jwt");
        client.setFullScopeAllowed(false);
        new ClientManager(new RealmManager(session)).enableServiceAccount(client);
        UserModel account = session.users().getServiceAccount(client);
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        for (String name : ROLES) {
            RoleModel role = management.getRole(name);
            account.grantRole(role);
            client.addScopeMapping(role);
        }
        String now = now();
        client.setAttribute(INSERTED_AT, now);
        client.setAttribute(UPDATED_AT, now);
        client.setAttribute(ACTIVE, "true");
        return Optional.of(issue(client, domain, environment));
    }

    /** Turns SCIM on or off; the token stays valid and works again once active. */
    public Optional<DirectorySync> setActive(boolean active) {
        return client().map(client -> {
            client.setAttribute(ACTIVE, Boolean.toString(active));
            client.setAttribute(UPDATED_AT, now());
            return view(client);
        });
    }

    /** A new token; the previous one stops working at once (its hash is overwritten). */
    public Optional<DirectorySync.Issued> reset(String domain, String environment) {
        return client().map(client -> {
            client.setAttribute(UPDATED_AT, now());
            return issue(client, domain, environment);
        });
    }

    /** Removes the client and its service account; the token dies with them. Empty when there was none. */
    public Optional<DirectorySync> delete() {
        return client().map(client -> {
            DirectorySync was = view(client);
            // The realm as the context realm: removing the service account runs Keycloak's user-removal listeners,
            // which read it (master on the master path).
            KeycloakModelUtils.runOnRealm(
                    session, realm, s -> new ClientManager(new RealmManager(s)).removeClient(realm, client));
            return was;
        });
    }

    /**
     * The directory sync client whose stored hash {@code token} matches, or empty. The token's id names the
     * client, so a lookup is one read by id and one constant-time comparison.
     */
    public Optional<ClientModel> authenticate(DirectorySyncToken token) {
        ClientModel client = realm.getClientById(token.syncId());
        if (client == null || !CLIENT_ID.equals(client.getClientId())) {
            return Optional.empty();
        }
        return token.matches(client.getAttribute(TOKEN_HASH)) ? Optional.of(client) : Optional.empty();
    }

    public static boolean isActive(ClientModel client) {
        return Boolean.parseBoolean(client.getAttribute(ACTIVE));
    }

    private Optional<ClientModel> client() {
        return Optional.ofNullable(realm.getClientByClientId(CLIENT_ID));
    }

    private static DirectorySync.Issued issue(ClientModel client, String domain, String environment) {
        DirectorySyncToken token = DirectorySyncToken.issue(domain, environment, client.getId(), RANDOM);
        client.setAttribute(TOKEN_HASH, token.hash());
        return new DirectorySync.Issued(view(client), token.value());
    }

    private static DirectorySync view(ClientModel client) {
        return new DirectorySync(
                client.getId(), isActive(client), client.getAttribute(INSERTED_AT), client.getAttribute(UPDATED_AT));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
