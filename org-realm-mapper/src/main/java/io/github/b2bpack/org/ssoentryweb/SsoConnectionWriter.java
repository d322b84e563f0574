package io.github.b2bpack.org.ssoentryweb;

import io.github.b2bpack.org.ssoentry.ChallengeUrl;
import io.github.b2bpack.org.ssoentry.OnboardingRefusal;
import io.github.b2bpack.org.ssoentry.OnboardingSubmission;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Creates or updates the organization realm's SSO connection, the identity provider {@code b2bpack-sso}, from what
 * the onboarding page received. The metadata is read by Keycloak's own identity provider factories
 * ({@code parseConfig}, as the admin console's "import from URL/file"), then checked by the model's own
 * {@code validate}; anything refused leaves the realm untouched. Settings the SSO connection API keeps in the
 * provider's config ({@code b2bpack.*}: provider type, users access policy…), its enabled flag and its flows survive
 * an update.
 */
final class SsoConnectionWriter {

    static final String ALIAS = ChallengeUrl.IDP_ALIAS;
    static final String SAML = "saml";
    static final String OIDC = "oidc";
    private static final String PACK_PREFIX = "b2bpack.";
    /** Alias of the SSO connection API's first-broker-login flow (its {@code SsoKeys.FIRST_LOGIN_FLOW}). */
    static final String PACK_FIRST_LOGIN_FLOW = "b2bpack sso first broker login";

    private final KeycloakSession session;
    private final RealmModel realm;

    SsoConnectionWriter(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The provider model the submission describes, parsed and validated but not yet saved. */
    IdentityProviderModel prepare(OnboardingSubmission submission, MetadataFetcher fetcher) {
        return switch (submission.kind()) {
            case SAML_XML -> saml(submission.source());
            case SAML_URL -> saml(fetcher.fetch(submission.source()));
            case OIDC -> oidc(submission, fetcher.fetch(submission.discoveryUrl()));
        };
    }

    /** Saves a prepared model: an update of the existing connection, or a new one. */
    IdentityProviderModel save(IdentityProviderModel model) {
        IdentityProviderModel existing = session.identityProviders().getByAlias(ALIAS);
        if (existing != null && existing.getProviderId().equals(model.getProviderId())) {
            model.setInternalId(existing.getInternalId());
            session.identityProviders().update(model);
            return model;
        }
        if (existing != null) {
            // SAML to OIDC or back: a provider's type cannot change in place (its mappers are type-specific).
            session.identityProviders().remove(ALIAS);
        }
        return session.identityProviders().create(model);
    }

    private IdentityProviderModel saml(String xml) {
        Map<String, String> parsed = parse(SAML, xml);
        if (isBlank(parsed.get("singleSignOnServiceUrl"))) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingBadMetadata", "the metadata has no IDPSSODescriptor with a sign-on service");
        }
        Map<String, String> config = carriedOver(SAML);
        config.putAll(parsed);
        // The SP entity id the page showed (the realm's issuer) unless the connection already has its own.
        config.putIfAbsent("entityId", ServiceProviderValues.issuer(session, realm));
        return model(SAML, config);
    }

    private IdentityProviderModel oidc(OnboardingSubmission submission, String discovery) {
        Map<String, String> parsed = parse(OIDC, discovery);
        String issuer = parsed.get("issuer");
        if (isBlank(parsed.get("authorizationUrl")) || isBlank(parsed.get("tokenUrl")) || isBlank(issuer)) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingBadMetadata", "the discovery document lacks an endpoint or the issuer");
        }
        if (!stripSlash(issuer).equals(stripSlash(submission.source()))) {
            // A discovery document naming another issuer is a mix-up: tokens would be checked against the wrong one.
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingIssuerMismatch", "the discovery document's issuer differs");
        }
        Map<String, String> config = carriedOver(OIDC);
        config.putAll(parsed);
        config.put("clientId", submission.clientId());
        config.put("clientSecret", submission.clientSecret());
        config.put("clientAuthMethod", "client_secret_post");
        config.putIfAbsent("defaultScope", "openid email profile");
        config.putIfAbsent("pkceEnabled", "true");
        config.putIfAbsent("pkceMethod", "S256");
        return model(OIDC, config);
    }

    private Map<String, String> parse(String providerId, String document) {
        Map<String, String> parsed;
        try {
            parsed = factory(providerId).parseConfig(session, document);
        } catch (RuntimeException e) {
            // Keycloak's parsers throw RuntimeException wrappers (and NPEs on some malformed documents); the
            // holder sees the form again with a message, never a 500.
            throw new OnboardingRefusal("b2bpackSsoOnboardingBadMetadata", "the document could not be read");
        }
        if (parsed == null || parsed.isEmpty()) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingBadMetadata", "the document describes no identity provider");
        }
        return parsed;
    }

    /** The pack's settings and the Keycloak settings an operator may have tuned, from a connection of the same type. */
    private Map<String, String> carriedOver(String providerId) {
        Map<String, String> config = new HashMap<>();
        IdentityProviderModel existing = session.identityProviders().getByAlias(ALIAS);
        if (existing == null) {
            return config;
        }
        existing.getConfig().forEach((key, value) -> {
            if (key.startsWith(PACK_PREFIX)
                    || (existing.getProviderId().equals(providerId)
                            && (key.equals("entityId")
                                    || key.equals("principalType")
                                    || key.equals("principalAttribute")
                                    || key.equals("syncMode")))) {
                config.put(key, value);
            }
        });
        return config;
    }

    private IdentityProviderModel model(String providerId, Map<String, String> config) {
        IdentityProviderModel existing = session.identityProviders().getByAlias(ALIAS);
        IdentityProviderModel model = factory(providerId).createConfig();
        model.setAlias(ALIAS);
        model.setProviderId(providerId);
        model.setConfig(config);
        if (existing != null) {
            model.setEnabled(existing.isEnabled());
            model.setDisplayName(existing.getDisplayName());
            model.setTrustEmail(existing.isTrustEmail());
            model.setFirstBrokerLoginFlowId(existing.getFirstBrokerLoginFlowId());
            model.setPostBrokerLoginFlowId(existing.getPostBrokerLoginFlowId());
        } else {
            model.setEnabled(true);
            // The SSO connection API's first-login flow (users access policy) when the realm has it, else the realm's.
            AuthenticationFlowModel packFlow = realm.getFlowByAlias(PACK_FIRST_LOGIN_FLOW);
            AuthenticationFlowModel firstLogin = packFlow != null ? packFlow : realm.getFirstBrokerLoginFlow();
            if (firstLogin != null) {
                model.setFirstBrokerLoginFlowId(firstLogin.getId());
            }
        }
        try {
            model.validate(realm);
        } catch (RuntimeException e) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingBadMetadata", "the identity provider settings are invalid");
        }
        return model;
    }

    private IdentityProviderFactory<?> factory(String providerId) {
        return (IdentityProviderFactory<?>)
                session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, providerId);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
