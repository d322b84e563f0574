package io.github.b2bpack.org.ssoonboarding;

import io.github.b2bpack.org.sso.SsoKeys;
import io.github.b2bpack.org.sso.onboarding.OnboardingRepresentation;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.urls.UrlType;

/**
 * Issues an onboarding link: the one entry point for whoever answers Cryptr's {@code onboarding} object (the
 * onboarding endpoint here, and the SSO connection API when it creates a connection). The caller has already
 * checked that its caller may manage the realm's identity providers.
 */
public final class SsoOnboarding {

    private SsoOnboarding() {}

    /** The server's default (and longest) lifespan of a link, in seconds (option {@code lifespan}). */
    public static long maxLifespan(KeycloakSession session) {
        return factory(session).lifespanSeconds();
    }

    /**
     * A new link to the onboarding page of {@code realm}.
     *
     * @param slug            the organization
     * @param environment     {@code production} or {@code sandbox}
     * @param lifespanSeconds 1 to {@link #maxLifespan}
     */
    public static OnboardingRepresentation issue(
            KeycloakSession session, RealmModel realm, String slug, String environment, long lifespanSeconds) {
        return issue(session, realm, slug, environment, lifespanSeconds, null, null);
    }

    /**
     * The same, for a connection of the given {@code provider_type} and {@code users_access_policy} (null: the
     * page's protocol's generic type; the existing connection's policy, else provision_new_users). The caller has
     * checked both are known ids.
     */
    public static OnboardingRepresentation issue(
            KeycloakSession session,
            RealmModel realm,
            String slug,
            String environment,
            long lifespanSeconds,
            String providerType,
            String usersAccessPolicy) {
        if (lifespanSeconds < 1 || lifespanSeconds > maxLifespan(session)) {
            throw new IllegalArgumentException("lifespan out of range");
        }
        String token = new OnboardingLinks(session)
                .issue(realm, slug, environment, lifespanSeconds, providerType, usersAccessPolicy);
        KeycloakContext context = session.getContext();
        RealmModel caller = context.getRealm();
        String base;
        IdentityProviderModel existing;
        // The link is opened by the public: the org realm's frontend URL (its own frontendUrl, the server's
        // hostname), not the admin hostname this request may have come through. The identity provider store reads
        // the context's realm too.
        context.setRealm(realm);
        try {
            base = context.getUri(UrlType.FRONTEND).getBaseUri().toString();
            existing = session.identityProviders().getByAlias(SsoKeys.ALIAS);
        } finally {
            context.setRealm(caller);
        }
        String url = base.replaceAll("/$", "") + "/realms/" + realm.getName() + "/" + OnboardingPageProviderFactory.ID
                + "/" + token;
        return new OnboardingRepresentation(
                slug,
                environment,
                // Cryptr's connection id (b2bpack.id), as the SSO connection API answers it.
                existing == null ? null : existing.getConfig().getOrDefault(SsoKeys.ID, existing.getInternalId()),
                url,
                org.keycloak.common.util.Time.currentTime() + lifespanSeconds);
    }

    private static OnboardingPageProviderFactory factory(KeycloakSession session) {
        return (OnboardingPageProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(RealmResourceProvider.class, OnboardingPageProviderFactory.ID);
    }
}
