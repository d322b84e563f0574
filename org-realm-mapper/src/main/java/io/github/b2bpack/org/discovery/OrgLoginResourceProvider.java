package io.github.b2bpack.org.discovery;

import io.github.b2bpack.org.model.EmailDomainLookupCache;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Serves the discovery entry point on the administration realm only ({@code /realms/master/org-login}). */
public final class OrgLoginResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final EmailDomainLookupCache cache;

    OrgLoginResourceProvider(KeycloakSession session, EmailDomainLookupCache cache) {
        this.session = session;
        this.cache = cache;
    }

    @Override
    public Object getResource() {
        if (!Config.getAdminRealm().equals(session.getContext().getRealm().getName())) {
            throw new NotFoundException();
        }
        return new OrgLoginResource(session, cache);
    }

    @Override
    public void close() {}
}
