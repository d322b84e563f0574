package io.github.b2bpack.sms.headless;

import java.util.UUID;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.OAuth2Code;
import org.keycloak.protocol.oidc.utils.OAuth2CodeParser;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.keycloak.urls.UrlType;

/**
 * Mints a real OAuth 2.0 authorization code once a headless challenge is passed, along Keycloak's own path for a
 * finished browser login: an authentication session for the calling client with the user set, the client scopes
 * resolved as the authorization endpoint resolves them, {@link AuthenticationProcessor#attachSession} (the user
 * session and client session a login creates), then {@link OAuth2CodeParser#persistCode}, exactly as
 * {@code OIDCLoginProtocol} does. The application redeems it at the realm's token endpoint with
 * {@code grant_type=authorization_code} and its own client credentials; Keycloak's code grant then enforces what it
 * enforces for every code: single use (the code lives in the single-use store and is removed at redemption), the
 * realm's access-code lifespan, the same client, PKCE when a challenge was given, an active session and user.
 */
final class AuthorizationCodes {

    private AuthorizationCodes() {}

    /**
     * A code for {@code user} and {@code client}; {@code scope} is the OAuth scope asked for ({@code openid} added),
     * {@code codeChallenge} (S256 only) optional.
     */
    static String mint(
            KeycloakSession session,
            RealmModel realm,
            ClientModel client,
            UserModel user,
            String scope,
            String codeChallenge,
            String action) {
        AuthenticationSessionManager manager = new AuthenticationSessionManager(session);
        RootAuthenticationSessionModel root = manager.createAuthenticationSession(realm, false);
        AuthenticationSessionModel auth = root.createAuthenticationSession(client);
        String fullScope = scope == null || scope.isBlank() ? "openid" : ensureOpenid(scope);
        auth.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        auth.setAuthenticatedUser(user);
        auth.setClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OAuth2Constants.CODE);
        auth.setClientNote(OAuth2Constants.SCOPE, fullScope);
        auth.setClientNote(
                OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri(UrlType.FRONTEND).getBaseUri(), realm.getName()));
        AuthenticationManager.setClientScopesInSession(session, auth);

        EventBuilder event = new EventBuilder(
                        realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN)
                .client(client)
                .user(user)
                .detail("auth_method", OIDCLoginProtocol.LOGIN_PROTOCOL)
                .detail("b2bpack_event", action);
        ClientSessionContext context = AuthenticationProcessor.attachSession(
                auth, null, session, realm, session.getContext().getConnection(), event);
        AuthenticatedClientSessionModel clientSession = context.getClientSession();
        OAuth2Code data = new OAuth2Code(
                UUID.randomUUID().toString(),
                client.getId(),
                Time.currentTime() + realm.getAccessCodeLifespan(),
                null,
                fullScope,
                null,
                null,
                codeChallenge,
                codeChallenge == null ? null : "S256",
                null,
                clientSession.getUserSession().getId());
        String code = OAuth2CodeParser.persistCode(session, clientSession, data);
        session.authenticationSessions().removeRootAuthenticationSession(realm, root);
        event.success();
        return code;
    }

    private static String ensureOpenid(String scope) {
        for (String s : scope.trim().split("\\s+")) {
            if (s.equals("openid")) {
                return scope.trim();
            }
        }
        return "openid " + scope.trim();
    }
}
