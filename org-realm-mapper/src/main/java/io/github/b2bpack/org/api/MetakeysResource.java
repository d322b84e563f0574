package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Organization;
import io.github.b2bpack.org.request.MetadataRequest;
import io.github.b2bpack.org.userprofile.ProfileDeclarations;
import io.github.b2bpack.org.users.MetaKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{domain}/metakeys}: the metadata keys an organization's users may hold
 * (Cryptr's "Metakey"). Declaring one adds the attribute {@code b2bpack.meta.<key>} to the user profile of
 * each of the organization's realms, which is realm configuration: it needs {@code manage-realm} there.
 */
public final class MetakeysResource {

    /** Resource type of the declaration's admin event: webhook code {@code admin.organization_metakey.create.success}. */
    public static final String EVENT_RESOURCE_TYPE = "ORGANIZATION_METAKEY";

    private final KeycloakSession session;
    private final AdminPermissionEvaluator masterAuth;
    private final OrganizationManager organizations;
    private final OrgRealmAccess access;
    private final Organization org;

    MetakeysResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.masterAuth = masterAuth;
        this.organizations = organizations;
        this.access = new OrgRealmAccess(session, masterAuth, organizations, org);
        this.org = org;
    }

    /** One declared key. */
    @JsonPropertyOrder({"__type__", "key", "attribute"})
    public record Metakey(
            @JsonProperty("__type__") String type,
            @JsonProperty("key") String key,
            @JsonProperty("attribute") String attribute) {
        static Metakey of(String key) {
            return new Metakey("Metakey", key, MetaKeys.attribute(key));
        }
    }

    /** The keys declared in one environment's realm ({@code ?environment=}, production by default). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Metakey> list(@QueryParam("environment") String environment) {
        // The users API's order: a missing environment is 404 only to callers allowed to read its users.
        RealmModel realm = access.realm(OrgRealmAccess.environment(environment));
        access.permissions(realm).users().requireView();
        return ProfileDeclarations.metaKeys(session, realm).stream()
                .map(Metakey::of)
                .toList();
    }

    /**
     * Declares a key in every realm the organization has now (a sandbox created later needs the call again):
     * 201 when it was missing somewhere, 200 when all had it.
     */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response declare(String body) {
        List<RealmModel> realms = organizations.realms(org.slug()).present();
        if (realms.isEmpty()) {
            masterAuth.realm().requireManageRealm();
            throw ApiErrors.notFound("organization '" + org.slug() + "' has no realm");
        }
        for (RealmModel realm : realms) {
            access.permissions(realm).realm().requireManageRealm();
        }
        MetadataRequest request = ApiErrors.guarded(() -> MetadataRequest.keyOnly(body));
        // The locks, the check against the cap and the declarations run in a transaction of their own that takes
        // the realms' row locks before it reads anything: parallel declarations each see the others' keys (none is
        // lost, the cap counts them all). Taken in this request's transaction instead, the lock could not show the
        // previous holder's commit under MariaDB's repeatable read, and rewriting the user profile over that older
        // snapshot failed at commit (OptimisticLockException, a 500 with 8 parallel declarations in CI's MariaDB pass).
        ProfileDeclarations.MetaKeyDeclaration declaration =
                ProfileDeclarations.declareMetaKey(session, realms, request.key(), MetaKeys.MAX_KEYS);
        if (declaration.full()) {
            throw ApiErrors.badRequest(
                    "too_many_metakeys",
                    "an organization realm declares at most " + MetaKeys.MAX_KEYS + " metadata keys");
        }
        for (RealmModel realm : realms) {
            if (!declaration.addedIn().contains(realm.getId())) {
                continue;
            }
            new AdminEventBuilder(
                            realm,
                            masterAuth.adminAuth(),
                            session,
                            session.getContext().getConnection())
                    .resource(EVENT_RESOURCE_TYPE)
                    .operation(OperationType.CREATE)
                    .resourcePath("metakeys", request.key())
                    .representation(Metakey.of(request.key()))
                    .success();
        }
        boolean added = !declaration.addedIn().isEmpty();
        return Response.status(added ? Response.Status.CREATED : Response.Status.OK)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Metakey.of(request.key()))
                .build();
    }
}
