package io.github.b2bpack.org.sso;

/**
 * The contract other parts of the pack rely on: an organization's SSO connection is the one identity provider with
 * alias {@link #ALIAS} in the realm of the environment, and the Cryptr fields live in its config map under these
 * keys ({@code active} is the identity provider's enabled flag, not a key).
 */
public final class SsoKeys {

    /** Alias of the identity provider that is the organization's SSO connection, in each environment's realm. */
    public static final String ALIAS = "b2bpack-sso";

    public static final String PREFIX = "b2bpack.";
    /** Cryptr's connection id ({@code <domain with underscores>_<22 base58 characters>}). */
    public static final String ID = PREFIX + "id";
    /** {@link ProviderType#id()}. */
    public static final String PROVIDER_TYPE = PREFIX + "provider_type";
    /** {@link UsersAccessPolicy#id()}. */
    public static final String USERS_ACCESS_POLICY = PREFIX + "users_access_policy";
    /** Stored and returned as Cryptr does; not enforced (docs/org-realm-mapper.md, "SSO connections"). */
    public static final String PROVISIONING_LIMIT = PREFIX + "number_users_provisioning_limit";
    /** Epoch milliseconds. */
    public static final String INSERTED_AT = PREFIX + "inserted_at";
    /** Epoch milliseconds. */
    public static final String UPDATED_AT = PREFIX + "updated_at";
    /** The metadata (SAML) or discovery (OIDC) URL the connection was read from, when it came from a URL. */
    public static final String METADATA_URL = PREFIX + "metadata_url";
    /** The organization's domain (slug), so a connection found by id names its organization without a lookup. */
    public static final String ORG_DOMAIN = PREFIX + "org_domain";

    /** Alias of the first-broker-login flow the pack adds to a realm that gets an SSO connection. */
    public static final String FIRST_LOGIN_FLOW = "b2bpack sso first broker login";
    /** Alias of the template's post-broker-login flow (SMS second factor), used when the realm has it. */
    public static final String POST_LOGIN_FLOW = "b2bpack post broker login";

    private SsoKeys() {}
}
