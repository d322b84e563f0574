package io.github.b2bpack.org.scim;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.keycloak.scim.protocol.response.ErrorResponse;

/** SCIM error bodies (RFC 7644 section 3.12) for what the pack refuses before Keycloak's SCIM resources run. */
final class ScimErrors {

    static final String SCIM_JSON = "application/scim+json";

    private ScimErrors() {}

    static WebApplicationException error(int status, String scimType, String detail) {
        return new WebApplicationException(response(status, scimType, detail));
    }

    /** 401 with the challenge RFC 6750 asks for; one detail for every cause, so it tells an attacker nothing. */
    static WebApplicationException unauthorized() {
        return new WebApplicationException(
                Response.fromResponse(response(401, null, "a valid directory sync bearer token is required"))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"directory-sync\"")
                        .build());
    }

    static Response response(int status, String scimType, String detail) {
        ErrorResponse body = new ErrorResponse(detail, status);
        body.setScimType(scimType);
        return Response.status(status).type(SCIM_JSON).entity(body).build();
    }
}
