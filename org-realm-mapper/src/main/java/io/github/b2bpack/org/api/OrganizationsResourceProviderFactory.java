package io.github.b2bpack.org.api;

import java.time.Duration;
import java.util.List;

import io.github.b2bpack.org.model.DomainLookupCache;
import io.github.b2bpack.org.template.ProviderCatalog;
import io.github.b2bpack.org.template.RealmTemplate;
import io.github.b2bpack.org.template.TemplateSanitizer;
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
    static final int DEFAULT_DISCOVERY_CACHE_TTL_SECONDS = 600;

    private static final Logger LOG = Logger.getLogger(OrganizationsResourceProviderFactory.class);

    private RealmTemplate template;
    private TemplateSanitizer sanitizer;
    private DomainLookupCache discoveryCache;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new OrganizationsResourceProvider(template, sanitizer, discoveryCache);
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
        discoveryCache = new DomainLookupCache(Duration.ofSeconds(ttl));
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
                if (admin != null && admin.getAttribute(DomainLookupCache.VERSION_ATTRIBUTE) == null) {
                    DomainLookupCache.changed(admin);
                }
            });
        } catch (RuntimeException e) {
            // Another node starting at the same moment wrote it first.
            LOG.debugf("organizations' version left to another node: %s", e.toString());
        }
    }

    /** This node's discovery cache, shared with the browser entry point ({@code org-login}). */
    public DomainLookupCache discoveryCache() {
        return discoveryCache;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(OPTION_TEMPLATE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of the realm JSON (a realm export) that new organization realms are imported from. "
                        + "Default: the pack's recommended template (classpath " + RealmTemplate.DEFAULT_RESOURCE + ").")
                .add()
                .property().name(OPTION_DISCOVERY_CACHE_TTL).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_DISCOVERY_CACHE_TTL_SECONDS)
                .helpText("Seconds this node keeps an email domain to organization lookup of discovery in memory; "
                        + "0 turns the cache off. Every node sees an organization change at once (each write changes the "
                        + "master realm's b2bpack.orgs.version attribute, which Keycloak invalidates cluster-wide), so this "
                        + "only bounds how long an unused entry stays. Default: " + DEFAULT_DISCOVERY_CACHE_TTL_SECONDS + ".")
                .add()
                .build();
    }
}
