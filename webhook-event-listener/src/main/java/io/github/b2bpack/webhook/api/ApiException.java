package io.github.b2bpack.webhook.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** A client error with the pack's JSON body {@code {"error": …, "error_description": …}}; never a stack trace. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    ApiException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiException badRequest(String description) {
        return new ApiException(400, "invalid_request", description);
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    static ApiException conflict(String description) {
        return new ApiException(409, "invalid_state", description);
    }

    Response toResponse() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", getMessage());
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
