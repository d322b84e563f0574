package io.github.b2bpack.org.scim;

import io.github.b2bpack.org.dirsync.DirectorySyncToken;
import io.github.b2bpack.org.model.Environment;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;

/**
 * Who a SCIM request comes from. The directory sends Cryptr's long-lived opaque bearer token (identity providers'
 * SCIM clients — Entra ID, Okta — hold one static secret and cannot run an OAuth grant), while Keycloak's SCIM
 * resources authorize from the context's access token through its admin permissions. So the token is checked
 * here against the stored hash, and the context is then given the directory sync's client and an in-memory
 * access token naming its service account: never signed, never sent, it only tells Keycloak's permission
 * evaluator whose roles to read ({@link DirectorySyncs#ROLES}, and the client's scope limited to them).
 */
final class ScimCaller {

    private static final String BEARER = "bearer ";

    private ScimCaller() {}

    /** Authenticates the request and sets the context up, or throws the SCIM 401 / 403. */
    static ClientModel authenticate(KeycloakSession session) {
        KeycloakContext context = session.getContext();
        RealmModel realm = context.getRealm();
        DirectorySyncToken token = bearer(context.getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(DirectorySyncToken::parse)
                .filter(t -> ownRealm(t, realm))
                .orElseThrow(ScimErrors::unauthorized);
        ClientModel client =
                new DirectorySyncs(session, realm).authenticate(token).orElseThrow(ScimErrors::unauthorized);
        if (!DirectorySyncs.isActive(client)) {
            throw ScimErrors.error(403, null, "this directory sync is inactive");
        }
        UserModel account = session.users().getServiceAccount(client);
        if (account == null) {
            throw ScimErrors.unauthorized();
        }
        AccessToken identity = new AccessToken();
        identity.subject(account.getId());
        identity.issuer(Urls.realmIssuer(context.getUri().getBaseUri(), realm.getName()));
        identity.issuedFor(client.getClientId());
        identity.type("Bearer");
        context.setClient(client);
        context.setBearerToken(identity);
        return client;
    }

    private static Optional<String> bearer(String header) {
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }

    /** The token's prefix names this realm: another organization's (or environment's) token stops here. */
    private static boolean ownRealm(DirectorySyncToken token, RealmModel realm) {
        return Environment.byId(token.environment())
                .map(environment -> environment.realmName(token.domain()).equals(realm.getName()))
                .orElse(false);
    }
}
