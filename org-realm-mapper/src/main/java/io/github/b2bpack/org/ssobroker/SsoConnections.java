package io.github.b2bpack.org.ssobroker;

import io.github.b2bpack.org.jpa.RowLocks;
import io.github.b2bpack.org.request.SsoConnectionRequest;
import io.github.b2bpack.org.sso.ProviderType;
import io.github.b2bpack.org.sso.SsoConnectionIds;
import io.github.b2bpack.org.sso.SsoKeys;
import io.github.b2bpack.org.sso.UsersAccessPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.common.Profile;
import org.keycloak.common.util.Time;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * An organization environment's SSO connection as Keycloak holds it: the identity provider {@link SsoKeys#ALIAS}
 * of the environment's realm, built from Keycloak's own parsing of the IdP's metadata, with the Cryptr fields in its
 * config map, {@link SsoMappers}, the pack's first-login flow and the template's post-login flow. Every read or
 * write runs with the organization's realm as the context realm (Keycloak's identity provider store works on it).
 */
public final class SsoConnections {

    private static final String EMAIL_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    private final KeycloakSession session;
    private final SsoMetadataReader reader;

    public SsoConnections(KeycloakSession session, SsoMetadataReader reader) {
        this.session = session;
        this.reader = reader;
    }

    /** The realm's connection, when it has one. */
    public Optional<IdentityProviderModel> find(RealmModel realm) {
        return inRealm(
                realm, () -> Optional.ofNullable(session.identityProviders().getByAlias(SsoKeys.ALIAS)));
    }

    /** Removes the realm's connection with its mappers (the onboarding page, when the protocol changes). */
    public void remove(RealmModel realm) {
        inRealm(realm, () -> session.identityProviders().remove(SsoKeys.ALIAS));
    }

    /**
     * Creates the connection; {@link SsoRefusal} before anything is written for input that cannot make one (409 when
     * the realm has one already).
     *
     * @param spEntityId the realm's issuer URL, the SAML service provider's entity id
     */
    public IdentityProviderModel create(
            RealmModel realm, String slug, String displayName, SsoConnectionRequest request, String spEntityId) {
        if (request.providerType() == null) {
            throw new SsoRefusal("invalid_provider_type", "provider_type is required");
        }
        ProviderType type = request.providerType();
        guard(() -> request.checkFor(type.protocol(), true));
        UsersAccessPolicy policy = request.policy() == null ? UsersAccessPolicy.DEFAULT : request.policy();
        requireAvailable(policy);
        return inRealm(realm, () -> {
            // Two creates at once: the second waits for the first's commit, then sees its connection (409), instead
            // of failing on the (realm, alias) unique constraint at commit.
            RowLocks.lockRealm(session, realm);
            if (session.identityProviders().getByAlias(SsoKeys.ALIAS) != null) {
                throw new SsoRefusal(
                        409,
                        "sso_connection_already_exists",
                        "this organization environment has an SSO connection already; update it instead");
            }
            Map<String, String> config =
                    new HashMap<>(reader.read(type.protocol(), request.metadata(), request.metadataUrl()));
            protocolDefaults(type, config, spEntityId, request);
            long now = Time.currentTimeMillis();
            config.put(SsoKeys.ID, SsoConnectionIds.next(slug));
            config.put(SsoKeys.ORG_DOMAIN, slug);
            config.put(SsoKeys.INSERTED_AT, Long.toString(now));
            IdentityProviderModel model = new IdentityProviderModel();
            model.setConfig(config);
            model.setAlias(SsoKeys.ALIAS);
            model.setProviderId(type.protocol().keycloakProviderId());
            model.setDisplayName(displayName);
            model.setEnabled(request.active() == null || request.active());
            model.setTrustEmail(true);
            // Cryptr: the IdP's email and names overwrite the profile at each login.
            model.setSyncMode(IdentityProviderSyncMode.FORCE);
            model.setFirstBrokerLoginFlowId(SsoFirstLoginFlow.ensure(realm));
            model.setPostBrokerLoginFlowId(SsoFirstLoginFlow.postLoginFlowId(realm));
            apply(model, type, policy, request.provisioningLimit(), now);
            validate(realm, model);
            IdentityProviderModel created = session.identityProviders().create(model);
            SsoMappers.replace(session, type);
            return created;
        });
    }

    /** Applies an update; fields not given keep their value. */
    public IdentityProviderModel update(RealmModel realm, IdentityProviderModel current, SsoConnectionRequest request) {
        // A provider made by hand under the alias (no b2bpack provider_type) is adopted when the request names its
        // type (the onboarding page does); otherwise it is not the API's to change.
        ProviderType currentType = ProviderType.byId(current.getConfig().get(SsoKeys.PROVIDER_TYPE))
                .or(() -> Optional.ofNullable(request.providerType())
                        .filter(t -> t.protocol().keycloakProviderId().equals(current.getProviderId())))
                .orElseThrow(() -> new SsoRefusal(
                        409, "sso_connection_not_managed", "the identity provider has no b2bpack provider_type"));
        boolean adopted = !currentType.id().equals(current.getConfig().get(SsoKeys.PROVIDER_TYPE));
        ProviderType type = request.providerType() == null ? currentType : request.providerType();
        if (type.protocol() != currentType.protocol()) {
            throw new SsoRefusal(
                    "invalid_provider_type",
                    "provider_type can change within " + currentType.protocol().keycloakProviderId()
                            + " only; a connection keeps its protocol");
        }
        guard(() -> request.checkFor(type.protocol(), false));
        UsersAccessPolicy policy = request.policy() != null
                ? request.policy()
                : UsersAccessPolicy.byId(current.getConfig().get(SsoKeys.USERS_ACCESS_POLICY))
                        .orElse(UsersAccessPolicy.DEFAULT);
        requireAvailable(policy);
        return inRealm(realm, () -> {
            IdentityProviderModel model = new IdentityProviderModel(current);
            Map<String, String> config = new HashMap<>(current.getConfig());
            if (request.hasSource()) {
                config.putAll(reader.read(type.protocol(), request.metadata(), request.metadataUrl()));
                if (request.metadata() != null) {
                    config.remove(SsoKeys.METADATA_URL);
                }
            }
            protocolDefaults(type, config, config.get("entityId"), request);
            model.setConfig(config);
            if (adopted) {
                // A connection the pack did not make gets what create gives: a Cryptr id, the pack's flows.
                String slug = config.getOrDefault(SsoKeys.ORG_DOMAIN, realm.getName());
                config.put(SsoKeys.ORG_DOMAIN, slug);
                config.putIfAbsent(SsoKeys.ID, SsoConnectionIds.next(slug));
                config.putIfAbsent(SsoKeys.INSERTED_AT, Long.toString(Time.currentTimeMillis()));
                model.setTrustEmail(true);
                model.setSyncMode(IdentityProviderSyncMode.FORCE);
                model.setFirstBrokerLoginFlowId(SsoFirstLoginFlow.ensure(realm));
                model.setPostBrokerLoginFlowId(SsoFirstLoginFlow.postLoginFlowId(realm));
            }
            if (request.active() != null) {
                model.setEnabled(request.active());
            }
            Integer limit = request.provisioningLimit() != null
                    ? request.provisioningLimit()
                    : Optional.ofNullable(config.get(SsoKeys.PROVISIONING_LIMIT))
                            .map(Integer::valueOf)
                            .orElse(null);
            apply(model, type, policy, limit, Time.currentTimeMillis());
            validate(realm, model);
            session.identityProviders().update(model);
            if (adopted || type != currentType || request.hasSource()) {
                SsoMappers.replace(session, type);
            }
            return session.identityProviders().getByAlias(SsoKeys.ALIAS);
        });
    }

    private void protocolDefaults(
            ProviderType type, Map<String, String> config, String spEntityId, SsoConnectionRequest request) {
        if (request.metadataUrl() != null) {
            config.put(SsoKeys.METADATA_URL, request.metadataUrl());
        }
        if (type.protocol() == ProviderType.Protocol.SAML) {
            if (spEntityId != null) {
                config.put("entityId", spEntityId);
            }
            config.putIfAbsent("nameIDPolicyFormat", EMAIL_NAME_ID);
            config.put("principalType", "SUBJECT");
            config.put("allowCreate", "true");
        } else {
            if (request.clientId() != null) {
                config.put("clientId", request.clientId());
            }
            if (request.clientSecret() != null) {
                config.put("clientSecret", request.clientSecret());
            }
            config.put("clientAuthMethod", "client_secret_post");
            config.put("defaultScope", "openid email profile");
            config.put("pkceEnabled", "true");
            config.put("pkceMethod", "S256");
        }
    }

    private static void apply(
            IdentityProviderModel model, ProviderType type, UsersAccessPolicy policy, Integer limit, long now) {
        Map<String, String> config = model.getConfig();
        config.put(SsoKeys.PROVIDER_TYPE, type.id());
        config.put(SsoKeys.USERS_ACCESS_POLICY, policy.id());
        if (limit == null) {
            config.remove(SsoKeys.PROVISIONING_LIMIT);
        } else {
            config.put(SsoKeys.PROVISIONING_LIMIT, Integer.toString(limit));
        }
        config.put(SsoKeys.UPDATED_AT, Long.toString(now));
        model.setTransientUsers(policy == UsersAccessPolicy.UNREGISTERED_USERS_ALLOWED);
    }

    /** Keycloak's own validation of the provider's configuration (URLs, certificates…), as its admin API runs it. */
    private void validate(RealmModel realm, IdentityProviderModel model) {
        IdentityProviderFactory<?> factory = SsoMetadataReader.factory(session, model.getProviderId());
        try {
            factory.create(session, model).getConfig().validate(realm);
        } catch (IllegalArgumentException e) {
            throw new SsoRefusal(
                    "invalid_metadata", "the identity provider's configuration is refused: " + e.getMessage());
        }
    }

    private static void requireAvailable(UsersAccessPolicy policy) {
        if (policy == UsersAccessPolicy.UNREGISTERED_USERS_ALLOWED
                && !Profile.isFeatureEnabled(Profile.Feature.TRANSIENT_USERS)) {
            throw new SsoRefusal(
                    "users_access_policy_unavailable",
                    "unregistered_users_allowed lets people in without storing them (Keycloak's transient users); "
                            + "this server runs without the feature transient-users");
        }
    }

    private static void guard(Runnable check) {
        try {
            check.run();
        } catch (io.github.b2bpack.org.model.OrganizationException e) {
            throw new SsoRefusal(e.code(), e.getMessage());
        }
    }

    private <T> T inRealm(RealmModel realm, Supplier<T> action) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return action.get();
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
