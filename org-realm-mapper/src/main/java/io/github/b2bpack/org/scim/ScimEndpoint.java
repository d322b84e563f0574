package io.github.b2bpack.org.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.org.dirsync.ScimAddresses;
import io.github.b2bpack.org.dirsync.ScimPatchCheck;
import io.github.b2bpack.org.emaildomain.EmailDomains;
import io.github.b2bpack.org.userprofile.EmailDomainRule;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.scim.protocol.request.PatchRequest;
import org.keycloak.scim.protocol.request.SearchRequest;
import org.keycloak.scim.resource.ResourceTypeRepresentation;
import org.keycloak.scim.services.ScimRealmResource;
import org.keycloak.scim.services.ScimResourceTypeResource;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /realms/{organization realm}/directory-sync/scim/v2/{Users|Groups|ServiceProviderConfig|Schemas|
 * ResourceTypes}}: every call authenticates with the directory sync's bearer token ({@link ScimCaller}), then runs
 * Keycloak's own SCIM resource for the type (filters, PATCH, ListResponse, errors, admin events are Keycloak's).
 * The pack adds, before: a body cap ({@value #MAX_BODY} bytes, 413 above) and the organization's email domains
 * ({@code invalidValue}); after: {@link ScimOutcomes}, and a rollback of anything a refused call wrote.
 */
public final class ScimEndpoint {

    /** Largest SCIM body read: a User with many groups is a few kilobytes; a directory never needs a megabyte. */
    static final int MAX_BODY = 1 << 20;

    private static final String USERS = "Users";
    private static final String GROUPS = "Groups";

    private final KeycloakSession session;

    ScimEndpoint(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("scim/v2/{type}")
    @Produces(ScimErrors.SCIM_JSON)
    public Response list(
            @PathParam("type") String type,
            @QueryParam("filter") String filter,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder,
            @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        ScimCaller.authenticate(session);
        return finish(resource(type)
                .getAll(
                        filter,
                        attributes,
                        excludedAttributes,
                        sortBy,
                        sortOrder,
                        ScimPaging.startIndex(startIndex),
                        ScimPaging.count(count)));
    }

    @POST
    @Path("scim/v2/{type}/.search")
    @Produces(ScimErrors.SCIM_JSON)
    public Response search(@PathParam("type") String type, InputStream body) {
        ScimCaller.authenticate(session);
        SearchRequest request = parse(read(body), SearchRequest.class);
        request.setStartIndex(ScimPaging.startIndex(request.getStartIndex()));
        request.setCount(ScimPaging.count(request.getCount()));
        return finish(resource(type).search(request));
    }

    @POST
    @Path("scim/v2/{type}")
    @Produces(ScimErrors.SCIM_JSON)
    public Response create(@PathParam("type") String type, InputStream body) {
        ClientModel client = ScimCaller.authenticate(session);
        byte[] bytes = read(body);
        if (USERS.equals(type)) {
            checkDomains(ScimAddresses.ofUser(tree(bytes)));
        }
        ScimGroupMembers.Split group = GROUPS.equals(type) ? ScimGroupMembers.split(tree(bytes)) : null;
        Response response =
                finish(resource(type).create(new ByteArrayInputStream(group == null ? bytes : group.body())));
        if (USERS.equals(type) && response.getStatus() == 201) {
            outcomes(client).provisioned(idOf(response));
        }
        if (group != null && group.members() != null && response.getStatus() == 201) {
            return withMembers(type, idOf(response), group.members(), response);
        }
        return response;
    }

    @GET
    @Path("scim/v2/{type}/{id}")
    @Produces(ScimErrors.SCIM_JSON)
    public Response get(
            @PathParam("type") String type,
            @PathParam("id") String id,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        ScimCaller.authenticate(session);
        return finish(resource(type).get(id, attributes, excludedAttributes));
    }

    @PUT
    @Path("scim/v2/{type}/{id}")
    @Produces(ScimErrors.SCIM_JSON)
    public Response replace(@PathParam("type") String type, @PathParam("id") String id, InputStream body) {
        ClientModel client = ScimCaller.authenticate(session);
        byte[] bytes = read(body);
        Boolean wasEnabled = null;
        if (USERS.equals(type)) {
            checkDomains(ScimAddresses.ofUser(tree(bytes)));
            wasEnabled = enabled(id);
        }
        ScimGroupMembers.Split group = GROUPS.equals(type) ? ScimGroupMembers.split(tree(bytes)) : null;
        Response response =
                finish(resource(type).update(id, new ByteArrayInputStream(group == null ? bytes : group.body())));
        if (wasEnabled != null && response.getStatus() == 200) {
            outcomes(client).updated(id, wasEnabled);
        }
        if (group != null && group.members() != null && response.getStatus() == 200) {
            return withMembers(type, id, group.members(), response);
        }
        return response;
    }

    @PATCH
    @Path("scim/v2/{type}/{id}")
    @Produces(ScimErrors.SCIM_JSON)
    public Response patch(@PathParam("type") String type, @PathParam("id") String id, InputStream body) {
        ClientModel client = ScimCaller.authenticate(session);
        byte[] bytes = read(body);
        JsonNode tree = tree(bytes);
        ScimPatchCheck.check(tree).ifPresent(refusal -> {
            throw ScimErrors.error(400, refusal.scimType(), refusal.detail());
        });
        PatchRequest request = parse(bytes, PatchRequest.class);
        Boolean wasEnabled = null;
        if (USERS.equals(type)) {
            checkDomains(ScimAddresses.ofPatch(tree));
            wasEnabled = enabled(id);
        }
        Response response = finish(resource(type).patch(id, request));
        if (wasEnabled != null && response.getStatus() == 200) {
            outcomes(client).updated(id, wasEnabled);
        }
        return response;
    }

    @DELETE
    @Path("scim/v2/{type}/{id}")
    @Produces(ScimErrors.SCIM_JSON)
    public Response delete(@PathParam("type") String type, @PathParam("id") String id) {
        ClientModel client = ScimCaller.authenticate(session);
        Response response = finish(resource(type).delete(id));
        if (USERS.equals(type) && response.getStatus() == 204) {
            outcomes(client).deleted(id);
        }
        return response;
    }

    /**
     * Applies a POST's or PUT's group members as Keycloak's PATCH (see {@link ScimGroupMembers}); answers the
     * created or replaced group, or the PATCH's refusal (a member that is not a user of the realm: 400).
     */
    private Response withMembers(String type, String groupId, java.util.Set<String> members, Response written) {
        PatchRequest request = ScimGroupMembers.toward(session, groupId, members);
        if (request == null) {
            return written;
        }
        Response patched = finish(resource(type).patch(groupId, request));
        if (patched.getStatus() != 200) {
            return patched;
        }
        return written;
    }

    /** Keycloak's resource for the type; an unknown type is its own SCIM 404. */
    private ScimResourceTypeResource<?> resource(String type) {
        return (ScimResourceTypeResource<?>) new ScimRealmResource(session).resourceType(type);
    }

    /** A refused call leaves nothing behind: Keycloak's resource rolls back only its validation errors. */
    private Response finish(Response response) {
        if (response.getStatus() >= 400) {
            session.getTransactionManager().setRollbackOnly();
        }
        return response;
    }

    private void checkDomains(List<String> addresses) {
        RealmModel realm = session.getContext().getRealm();
        EmailDomainRule.allowed(session, realm).ifPresent(allowed -> {
            for (String address : addresses) {
                if (!EmailDomains.allows(allowed, address)) {
                    throw ScimErrors.error(
                            400,
                            "invalidValue",
                            "the email address's domain is not one of the organization's email domains");
                }
            }
        });
    }

    private Boolean enabled(String id) {
        UserModel user = session.users().getUserById(session.getContext().getRealm(), id);
        return user == null ? null : user.isEnabled();
    }

    private ScimOutcomes outcomes(ClientModel client) {
        return new ScimOutcomes(session, session.getContext().getRealm(), client);
    }

    private static String idOf(Response response) {
        return ((ResourceTypeRepresentation) response.getEntity()).getId();
    }

    private byte[] read(InputStream body) {
        String length = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > MAX_BODY) {
            // Refused before a byte is read; a body without a length is cut at the cap below.
            throw tooLarge();
        }
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ScimErrors.error(400, "invalidSyntax", "the request body could not be read");
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static jakarta.ws.rs.WebApplicationException tooLarge() {
        return ScimErrors.error(413, null, "the request body is larger than " + MAX_BODY + " bytes");
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return JsonSerialization.mapper.readTree(bytes);
        } catch (IOException e) {
            throw ScimErrors.error(400, "invalidSyntax", "the request body is not valid JSON");
        }
    }

    private static <T> T parse(byte[] bytes, Class<T> type) {
        try {
            T value = JsonSerialization.readValue(bytes, type);
            if (value == null) {
                throw ScimErrors.error(400, "invalidSyntax", "the request body is empty");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof jakarta.ws.rs.WebApplicationException web) {
                throw web;
            }
            throw ScimErrors.error(400, "invalidSyntax", "the request body is not a valid " + type.getSimpleName());
        }
    }
}
