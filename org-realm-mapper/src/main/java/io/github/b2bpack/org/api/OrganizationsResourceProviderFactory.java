package io.github.b2bpack.org.api;

import io.github.b2bpack.org.jpa.OrganizationStore;
import io.github.b2bpack.org.model.EmailDomainLookupCache;
import io.github.b2bpack.org.ownership.DnsTxtResolver;
import io.github.b2bpack.org.ownership.OwnershipSettings;
import io.github.b2bpack.org.ownership.PublicEmailDomains;
import io.github.b2bpack.org.template.ProviderCatalog;
import io.github.b2bpack.org.template.RealmTemplate;
import io.github.b2bpack.org.template.TemplateSanitizer;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Factory of the organization API. Server option {@code --spi-admin-realm-restapi-extension--orgs--template}
 * names the realm template file; without it the pack's recommended template is used.
 */
public final class OrganizationsResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "orgs";
    public static final String OPTION_TEMPLATE = "template";
    public static final String OPTION_DISCOVERY_CACHE_TTL = "discovery-cache-ttl";
    public static final String OPTION_PUBLIC_DOMAINS_FILE = "public-email-domains-file";
    public static final String OPTION_PUBLIC_DOMAINS_EXTRA = "public-email-domains-extra";
    public static final String OPTION_PUBLIC_DOMAINS_REMOVED = "public-email-domains-removed";
    public static final String OPTION_DNS_RESOLVER = "dns-resolver";
    public static final String OPTION_DNS_TIMEOUT = "dns-timeout";
    public static final String OPTION_DNS_RETRIES = "dns-retries";
    // sso: SSO connections
    public static final String OPTION_SSO_PRIVATE_HOSTS = "sso-metadata-private-hosts";
    static final int DEFAULT_DISCOVERY_CACHE_TTL_SECONDS = 600;
    static final int DEFAULT_DNS_TIMEOUT_MILLIS = 1000;
    static final int DEFAULT_DNS_RETRIES = 1;

    private static final Logger LOG = Logger.getLogger(OrganizationsResourceProviderFactory.class);

    private RealmTemplate template;
    private TemplateSanitizer sanitizer;
    private EmailDomainLookupCache discoveryCache;
    private OwnershipSettings ownership;
    private java.util.Set<String> ssoPrivateHosts = java.util.Set.of();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new OrganizationsResourceProvider(template, sanitizer, discoveryCache, ownership);
    }

    @Override
    public void init(Config.Scope config) {
        // A template that cannot be read stops the server: realms silently built from the wrong
        // template would be worse than a failed start.
        template = RealmTemplate.load(config.get(OPTION_TEMPLATE));
        LOG.infof("Organization realms are created from %s", template.source());
        int ttl = config.getInt(OPTION_DISCOVERY_CACHE_TTL, DEFAULT_DISCOVERY_CACHE_TTL_SECONDS);
        if (ttl < 0) {
            throw new IllegalArgumentException(OPTION_DISCOVERY_CACHE_TTL + " must be 0 (off) or a number of seconds");
        }
        discoveryCache = new EmailDomainLookupCache(Duration.ofSeconds(ttl));
        // A bad list or resolver setting stops the server: silently allowing public domains would be worse.
        PublicEmailDomains publicDomains = PublicEmailDomains.load(
                config.get(OPTION_PUBLIC_DOMAINS_FILE),
                list(config.get(OPTION_PUBLIC_DOMAINS_EXTRA)),
                list(config.get(OPTION_PUBLIC_DOMAINS_REMOVED)));
        DnsTxtResolver resolver = new DnsTxtResolver(
                config.get(OPTION_DNS_RESOLVER),
                config.getInt(OPTION_DNS_TIMEOUT, DEFAULT_DNS_TIMEOUT_MILLIS),
                config.getInt(OPTION_DNS_RETRIES, DEFAULT_DNS_RETRIES));
        ownership = new OwnershipSettings(publicDomains, resolver);
        // sso: hosts whose SSO metadata URLs may point at private addresses (an IdP on the company network).
        ssoPrivateHosts = list(config.get(OPTION_SSO_PRIVATE_HOSTS)).stream()
                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        LOG.infof(
                "Organization email domains: %d public mail domain entries refused; ownership checked through %s",
                publicDomains.size(), resolver.providerUrl());
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.strip().split("\\s*,\\s*"));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sanitizer = new TemplateSanitizer(ProviderCatalog.of(factory));
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                writeFirstVersion(factory);
            }
        });
    }

    /**
     * Gives the admin realm (there by now: Keycloak publishes the event after creating it) its organizations'
     * version before any organization write, so that two first writes at the same moment both update the
     * attribute rather than both insert it.
     */
    private static void writeFirstVersion(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel admin = session.realms().getRealmByName(Config.getAdminRealm());
                if (admin != null && admin.getAttribute(OrganizationStore.VERSION_ATTRIBUTE) == null) {
                    OrganizationStore.newVersion(admin);
                }
            });
        } catch (RuntimeException e) {
            // Another node starting at the same moment wrote it first.
            LOG.debugf("organizations' version left to another node: %s", e.toString());
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                int filled = new OrganizationStore(session, null).fillMissingChallenges();
                if (filled > 0) {
                    LOG.infof(
                            "Gave %d email domain claims from before ownership checks their DNS challenge; they stay "
                                    + "pending until verified (docs/org-realm-mapper.md, \"Upgrading\")",
                            filled);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("could not fill in email domain challenges now (retried at the next start): %s", e.toString());
        }
    }

    /** This node's discovery cache, shared with the browser entry point ({@code org-login}). */
    public EmailDomainLookupCache discoveryCache() {
        return discoveryCache;
    }

    /** sso: an organization manager on this node's template and cache, for {@code /sso-connections}. */
    io.github.b2bpack.org.lifecycle.OrganizationManager organizations(KeycloakSession session) {
        return new io.github.b2bpack.org.lifecycle.OrganizationManager(session, template, sanitizer, discoveryCache);
    }

    /** sso: hosts exempt from the private-address rule of SSO metadata URLs. */
    public java.util.Set<String> ssoPrivateHosts() {
        return ssoPrivateHosts;
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(OPTION_TEMPLATE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of the realm JSON (a realm export) that new organization realms are imported from. "
                        + "Default: the pack's recommended template (classpath " + RealmTemplate.DEFAULT_RESOURCE
                        + ").")
                .add()
                .property()
                .name(OPTION_DISCOVERY_CACHE_TTL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_DISCOVERY_CACHE_TTL_SECONDS)
                .helpText("Seconds this node keeps an email domain to organization lookup of discovery in memory; "
                        + "0 turns the cache off. Every node sees an organization change at once (each write changes the "
                        + "master realm's b2bpack.orgs.version attribute, which Keycloak invalidates cluster-wide), so this "
                        + "only bounds how long an unused entry stays. Default: " + DEFAULT_DISCOVERY_CACHE_TTL_SECONDS
                        + ".")
                .add()
                .property()
                .name(OPTION_PUBLIC_DOMAINS_FILE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText(
                        "Path of a list of public mail domains (one a line, 'brand.*' for a brand's country domains, "
                                + "'#' comments) that replaces the shipped list (" + PublicEmailDomains.RESOURCE
                                + "). No "
                                + "organization may claim a listed domain or a subdomain of one. Unreadable or invalid: the server stops.")
                .add()
                .property()
                .name(OPTION_PUBLIC_DOMAINS_EXTRA)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated entries added to the public mail domain list.")
                .add()
                .property()
                .name(OPTION_PUBLIC_DOMAINS_REMOVED)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated entries removed from the public mail domain list, as written there "
                        + "(e.g. orange.fr, or yahoo.* for the whole brand), so an organization may claim them.")
                .add()
                .property()
                .name(OPTION_DNS_RESOLVER)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("host:port of the DNS resolver that email-domain TXT challenges are checked through. "
                        + "Default: the system's resolvers (/etc/resolv.conf).")
                .add()
                .property()
                .name(OPTION_DNS_TIMEOUT)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_DNS_TIMEOUT_MILLIS)
                .helpText("Milliseconds to wait for the first DNS answer (doubled at each retry), 100-30000. Default: "
                        + DEFAULT_DNS_TIMEOUT_MILLIS + ".")
                .add()
                .property()
                .name(OPTION_DNS_RETRIES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_DNS_RETRIES)
                .helpText("DNS retries after the first try, 0-5. Default: " + DEFAULT_DNS_RETRIES + ".")
                .add()
                // sso
                .property()
                .name(OPTION_SSO_PRIVATE_HOSTS)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated host names whose SSO metadata or discovery URLs may resolve to loopback, "
                        + "private or link-local addresses (an identity provider on the company network). Default: "
                        + "none, such URLs are refused.")
                .add()
                .build();
    }
}
