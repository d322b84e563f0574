package io.github.b2bpack.org.ssoonboarding;

import io.github.b2bpack.org.request.SsoConnectionRequest;
import io.github.b2bpack.org.sso.ProviderType;
import io.github.b2bpack.org.sso.SsoKeys;
import io.github.b2bpack.org.sso.UsersAccessPolicy;
import io.github.b2bpack.org.sso.onboarding.OnboardingLink;
import io.github.b2bpack.org.sso.onboarding.OnboardingRefusal;
import io.github.b2bpack.org.sso.onboarding.OnboardingSubmission;
import io.github.b2bpack.org.ssobroker.SsoConnections;
import io.github.b2bpack.org.ssobroker.SsoMetadataReader;
import io.github.b2bpack.org.ssobroker.SsoRefusal;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What the onboarding page submits, written through the SSO connection API's own code ({@link SsoConnections}): the
 * same {@code b2bpack.*} config, mappers, first-login and post-login flows as {@code POST /sso-connection}, so a
 * connection made on the page and one made through the API are the same thing. The page's holder is anonymous, so
 * metadata URLs get the strict rule with no private-host exemption.
 */
final class OnboardingConnection {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SsoConnections connections;

    OnboardingConnection(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        // No sso-metadata-private-hosts exemption: that option is for administrators, not link holders.
        this.connections = new SsoConnections(session, new SsoMetadataReader(session, Set.of()));
    }

    /** Creates or updates the realm's connection; {@link OnboardingRefusal} for anything refused. */
    IdentityProviderModel save(OnboardingLink link, OnboardingSubmission submission) {
        ProviderType.Protocol protocol = submission.kind() == OnboardingSubmission.Kind.OIDC
                ? ProviderType.Protocol.OIDC
                : ProviderType.Protocol.SAML;
        ProviderType linkType = Optional.ofNullable(link.providerType())
                .flatMap(ProviderType::byId)
                .orElse(null);
        if (linkType != null && linkType.protocol() != protocol) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingChooseOne", "the link was issued for a " + linkType.id() + " connection");
        }
        UsersAccessPolicy policy = Optional.ofNullable(link.usersAccessPolicy())
                .flatMap(UsersAccessPolicy::byId)
                .orElse(null);
        try {
            IdentityProviderModel saved = write(link, submission, protocol, linkType, policy);
            if (protocol == ProviderType.Protocol.OIDC
                    && !stripSlash(String.valueOf(saved.getConfig().get("issuer")))
                            .equals(stripSlash(submission.source()))) {
                // A discovery document naming another issuer is a mix-up: tokens would be checked against it.
                throw new OnboardingRefusal(
                        "b2bpackSsoOnboardingIssuerMismatch", "the discovery document's issuer differs");
            }
            return saved;
        } catch (SsoRefusal e) {
            throw new OnboardingRefusal(messageKey(e.code()), e.getMessage());
        }
    }

    private IdentityProviderModel write(
            OnboardingLink link,
            OnboardingSubmission submission,
            ProviderType.Protocol protocol,
            ProviderType linkType,
            UsersAccessPolicy policy) {
        ProviderType generic = protocol == ProviderType.Protocol.SAML
                ? ProviderType.byId("saml.custom").orElseThrow()
                : ProviderType.byId("oidc.generic").orElseThrow();
        boolean saml = protocol == ProviderType.Protocol.SAML;
        String metadata = submission.kind() == OnboardingSubmission.Kind.SAML_XML ? submission.source() : null;
        String url = switch (submission.kind()) {
            case SAML_XML -> null;
            case SAML_URL -> submission.source();
            case OIDC -> submission.discoveryUrl();
        };
        Optional<IdentityProviderModel> existing = connections.find(realm);
        boolean sameProtocol =
                existing.isPresent() && existing.get().getProviderId().equals(protocol.keycloakProviderId());
        boolean managed = sameProtocol
                && ProviderType.byId(existing.get().getConfig().get(SsoKeys.PROVIDER_TYPE))
                        .isPresent();
        // Update keeps a managed connection's type unless the link names one; anything else gets a type.
        ProviderType type = linkType != null ? linkType : managed ? null : generic;
        SsoConnectionRequest request = new SsoConnectionRequest(
                type,
                policy,
                null,
                null,
                metadata,
                url,
                saml ? null : submission.clientId(),
                saml ? null : submission.clientSecret());
        if (sameProtocol) {
            return connections.update(realm, existing.get(), request);
        }
        if (existing.isPresent()) {
            // SAML to OIDC or back: a connection keeps its protocol, so the page replaces it.
            connections.remove(realm);
        }
        String name = realm.getDisplayName() == null ? link.slug() : realm.getDisplayName();
        return connections.create(realm, link.slug(), name, request, ServiceProviderValues.issuer(session, realm));
    }

    /** The page's message for an API refusal code. */
    static String messageKey(String code) {
        return switch (code) {
            case "invalid_metadata_url" -> "b2bpackSsoOnboardingUrlRefused";
            case "metadata_url_unreachable" -> "b2bpackSsoOnboardingFetchFailed";
            default -> "b2bpackSsoOnboardingBadMetadata";
        };
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
