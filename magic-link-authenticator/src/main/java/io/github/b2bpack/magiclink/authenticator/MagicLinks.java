package io.github.b2bpack.magiclink.authenticator;

import io.github.b2bpack.magiclink.config.MagicLinkSettings;
import io.github.b2bpack.magiclink.token.MagicLinkToken;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Builds the link of a {@link MagicLinkToken} for the authentication session that asked for it. */
final class MagicLinks {

    private MagicLinks() {}

    static String create(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            AuthenticationSessionModel authSession,
            MagicLinkSettings settings) {
        String clientId = authSession.getClient().getClientId();
        MagicLinkToken token = new MagicLinkToken(
                user.getId(),
                Time.currentTime() + settings.ttlSeconds(),
                user.getEmail(),
                clientId,
                AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId(),
                settings.bindToBrowser(),
                oidcParameters(authSession));
        UriInfo uri = session.getContext().getUri();
        return Urls.actionTokenBuilder(
                        uri.getBaseUri(),
                        token.serialize(session, realm, uri),
                        clientId,
                        authSession.getTabId(),
                        AuthenticationProcessor.getClientData(session, authSession))
                .build(realm.getName())
                .toString();
    }

    /** The authorization request's parameters an unbound link needs to finish it in another browser. */
    private static Map<String, String> oidcParameters(AuthenticationSessionModel authSession) {
        Map<String, String> params = new HashMap<>();
        for (String note : MagicLinkToken.OIDC_NOTES) {
            String value = authSession.getClientNote(note);
            if (value != null) {
                params.put(note, value);
            }
        }
        if (authSession.getRedirectUri() != null) {
            params.put("redirect_uri", authSession.getRedirectUri());
        }
        return params;
    }
}
