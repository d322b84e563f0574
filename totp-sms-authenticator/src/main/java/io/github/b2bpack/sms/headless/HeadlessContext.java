package io.github.b2bpack.sms.headless;

import io.github.b2bpack.sms.headless.secret.OrgDomain;
import io.github.b2bpack.sms.headless.secret.RequestParams;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * One headless request: the realm, the calling client, the end user's address for the per-IP budgets and the OAuth
 * parameters of the code a passed challenge yields.
 *
 * <p>{@code client_ip}: the application calls from its own servers, so every user would share one per-IP SMS budget;
 * the caller (trusted: it holds the role) may name the end user's address instead. The user, number, realm and
 * server budgets do not depend on it. {@code scope} and {@code code_challenge} (PKCE S256) go into the code as the
 * authorization endpoint would put them.
 */
record HeadlessContext(
        KeycloakSession session,
        RealmModel realm,
        ClientModel client,
        String ip,
        String scope,
        String codeChallenge,
        OrgDomain org) {

    private static final String REALM_MANAGEMENT = "realm-management";
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern SCOPE =
            Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
    /** RFC 7636: 43-128 characters of the unreserved set; S256 output is 43. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    static HeadlessContext of(KeycloakSession session, RealmModel realm, ClientModel client, RequestParams params) {
        String ip = params.text("client_ip").orElse(null);
        if (ip != null && !IP.matcher(ip).matches()) {
            throw new IllegalArgumentException("client_ip must be an IPv4 or IPv6 address");
        }
        if (ip == null && session.getContext().getConnection() != null) {
            ip = session.getContext().getConnection().getRemoteAddr();
        }
        String scope = params.text("scope").orElse(null);
        if (scope != null && (scope.length() > 512 || !SCOPE.matcher(scope).matches())) {
            throw new IllegalArgumentException("scope must be space-separated OAuth scope names");
        }
        String challenge = params.text("code_challenge").orElse(null);
        String method = params.text("code_challenge_method").orElse(challenge == null ? null : "S256");
        if (challenge != null && (!CHALLENGE.matcher(challenge).matches() || !"S256".equals(method))) {
            throw new IllegalArgumentException("code_challenge must be an RFC 7636 S256 challenge");
        }
        if (challenge == null && method != null) {
            throw new IllegalArgumentException("code_challenge_method without code_challenge");
        }
        OrgDomain org = OrgDomain.of(realm.getName());
        if (!org.accepts(params.text("org_domain").orElse(null))) {
            throw new IllegalArgumentException("org_domain does not name this realm's organization");
        }
        return new HeadlessContext(session, realm, client, ip, scope, challenge, org);
    }

    /** A user of this realm by id, or null (bad ids included: no lookup for absurd input). */
    UserModel userById(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return null;
        }
        return withinReach(session.users().getUserById(realm, id));
    }

    /**
     * The user, or null when the headless API must not act for it: a service account, or a holder of any
     * {@code realm-management} role (the realm's administrators, an organization's invited administrators). The
     * caller's role lets an application sign its own users in and reset their passwords; without this, a
     * {@code password-request} + {@code renew-password} (or a forced SMS enrollment) would hand the application's
     * credentials the realm's administrator accounts. Out of reach reads as unknown: no enumeration by status.
     */
    UserModel withinReach(UserModel user) {
        if (user == null || user.getServiceAccountClientLink() != null) {
            return null;
        }
        ClientModel management = realm.getClientByClientId(REALM_MANAGEMENT);
        // hasRole follows composites and group memberships.
        if (management != null && management.getRolesStream().anyMatch(user::hasRole)) {
            return null;
        }
        return user;
    }

    boolean lockedOut(UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector.isTemporarilyDisabled(session, realm, user)
                || protector.isPermanentlyLockedOut(session, realm, user);
    }

    /** A wrong password ({@code password}) or second factor ({@code otp}), counted as the login pages count it. */
    void failed(UserModel user, String category) {
        if (realm.isBruteForceProtected()) {
            session.getProvider(BruteForceProtector.class)
                    .failedLogin(
                            realm,
                            user,
                            session.getContext().getConnection(),
                            session.getContext().getUri(),
                            Set.of(category));
        }
    }

    void succeeded(UserModel user, String category) {
        if (realm.isBruteForceProtected()) {
            session.getProvider(BruteForceProtector.class)
                    .successfulLogin(
                            realm,
                            user,
                            session.getContext().getConnection(),
                            session.getContext().getUri(),
                            Set.of(category));
        }
    }

    /** An event of this realm and calling client, named by the pack's {@code b2bpack_event} detail. */
    EventBuilder event(EventType type, String action) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(client)
                .detail("b2bpack_event", action);
    }

    /** A real OAuth authorization code for this user and the calling client. */
    String mintCode(UserModel user, String action) {
        return AuthorizationCodes.mint(session, realm, client, user, scope, codeChallenge, action);
    }
}
