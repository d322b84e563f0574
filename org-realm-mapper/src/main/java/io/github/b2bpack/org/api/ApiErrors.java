package io.github.b2bpack.org.api;

import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/** The pack's error shape, {@code {"error": "<code>", "error_description": "…"}}, for the organization API. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ErrorResponseException badRequest(String code, String description) {
        return new ErrorResponseException(code, description, Response.Status.BAD_REQUEST);
    }

    public static ErrorResponseException notFound(String description) {
        return new ErrorResponseException("not_found", description, Response.Status.NOT_FOUND);
    }

    public static ErrorResponseException conflict(String code, String description) {
        return new ErrorResponseException(code, description, Response.Status.CONFLICT);
    }

    /** Any status, including those JAX-RS has no constant for (422). */
    public static ErrorResponseException status(int status, String code, String description) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return new ErrorResponseException(Response.status(status)
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
