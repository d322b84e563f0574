package io.github.b2bpack.org.api;

import io.github.b2bpack.org.model.OrganizationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.services.ErrorResponseException;

/** The pack's error shape, {@code {"error": "<code>", "error_description": "…"}}, for the organization API. */
public final class ApiErrors {

    private ApiErrors() {}

    public static ErrorResponseException badRequest(String code, String description) {
        return new ErrorResponseException(code, description, Response.Status.BAD_REQUEST);
    }

    public static ErrorResponseException notFound(String description) {
        return new ErrorResponseException("not_found", description, Response.Status.NOT_FOUND);
    }

    /** Any status, including those JAX-RS has no constant for (422). */
    public static ErrorResponseException status(int status, String code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return new ErrorResponseException(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build());
    }

    /** Runs an organization read or change, answering a refused one 409 (conflict) or 400 with its code. */
    public static <T> T guarded(Supplier<T> action) {
        try {
            return action.get();
        } catch (OrganizationException e) {
            throw new ErrorResponseException(
                    e.code(),
                    e.getMessage(),
                    e.kind() == OrganizationException.Kind.CONFLICT
                            ? Response.Status.CONFLICT
                            : Response.Status.BAD_REQUEST);
        }
    }
}
