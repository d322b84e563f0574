package io.github.b2bpack.magiclink.authenticator;

import io.github.b2bpack.magiclink.config.MagicLinkSettings;
import io.github.b2bpack.magiclink.token.MagicLinkToken;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Builds the link of a {@link MagicLinkToken}: for the browser session that asked, or for a headless request. */
public final class MagicLinks {

    private MagicLinks() {}

    /** A link for the authentication session that asked (bound to it when the settings say so). */
    static String forSession(
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
        return url(
                session,
                realm,
                token,
                clientId,
                authSession.getTabId(),
                AuthenticationProcessor.getClientData(session, authSession));
    }

    /**
     * A link for a headless request: no browser asked, so it is never bound; the browser that opens it runs the
     * authorization request {@code oidc} describes (redirect_uri, state, PKCE …) for {@code clientId}.
     */
    public static MagicLinkToken headlessToken(
            UserModel user, String clientId, Map<String, String> oidc, MagicLinkSettings settings) {
        return new MagicLinkToken(
                user.getId(), Time.currentTime() + settings.ttlSeconds(), user.getEmail(), clientId, null, false, oidc);
    }

    public static String url(
            KeycloakSession session,
            RealmModel realm,
            MagicLinkToken token,
            String clientId,
            String tabId,
            String clientData) {
        UriInfo uri = session.getContext().getUri();
        String key = token.serialize(session, realm, uri);
        if (tabId == null) {
            // Headless: no browser tab asked (Urls.actionTokenBuilder would add tab_id=null).
            return LoginActionsService.actionTokenProcessor(uri)
                    .queryParam("key", key)
                    .queryParam(Constants.CLIENT_ID, clientId)
                    .build(realm.getName())
                    .toString();
        }
        return Urls.actionTokenBuilder(uri.getBaseUri(), key, clientId, tabId, clientData)
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
