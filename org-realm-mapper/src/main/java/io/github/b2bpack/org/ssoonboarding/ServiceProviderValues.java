package io.github.b2bpack.org.ssoonboarding;

import io.github.b2bpack.org.sso.challenge.ChallengeUrl;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * What the customer's IT administrator types into their identity provider: the organization realm's service
 * provider values for SAML (entity id, assertion consumer service URL, SP metadata URL, the signing certificate of
 * its authentication requests) and OIDC (redirect URI).
 */
record ServiceProviderValues(
        String entityId, String acsUrl, String metadataUrl, String certificate, String redirectUri) {

    static ServiceProviderValues of(KeycloakSession session, RealmModel realm) {
        URI base = session.getContext().getUri().getBaseUri();
        String broker = base.toString().replaceAll("/$", "") + "/realms/" + realm.getName() + "/broker/"
                + ChallengeUrl.IDP_ALIAS + "/endpoint";
        IdentityProviderModel existing = session.identityProviders().getByAlias(ChallengeUrl.IDP_ALIAS);
        String entityId = existing != null && existing.getConfig().get("entityId") != null
                ? existing.getConfig().get("entityId")
                : issuer(session, realm);
        return new ServiceProviderValues(entityId, broker, broker + "/descriptor", certificate(session, realm), broker);
    }

    /** The values by name, for the page's template (FreeMarker reads maps, not record accessors). */
    Map<String, String> toMap() {
        return Map.of(
                "entityId", entityId,
                "acsUrl", acsUrl,
                "metadataUrl", metadataUrl,
                "certificate", certificate,
                "redirectUri", redirectUri);
    }

    /** The realm's issuer URL, which Keycloak's SAML broker uses as SP entity id by default. */
    static String issuer(KeycloakSession session, RealmModel realm) {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }

    /** PEM of the realm's active RS256 certificate (what signs the SAML requests); empty when the realm has none. */
    private static String certificate(KeycloakSession session, RealmModel realm) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.RS256);
        X509Certificate certificate = key == null ? null : key.getCertificate();
        if (certificate == null) {
            return "";
        }
        try {
            String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----";
        } catch (CertificateEncodingException e) {
            return "";
        }
    }
}
