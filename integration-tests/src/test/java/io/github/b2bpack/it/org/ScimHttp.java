package io.github.b2bpack.it.org;

import io.github.b2bpack.it.support.OidcClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** A plain SCIM 2.0 client (RFC 7644 over HTTP and JSON), with the bearer token a directory holds, or none. */
final class ScimHttp {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final String base;
    private final String token;

    /** @param base the directory sync's {@code scim_base_url} */
    ScimHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    ScimHttp withToken(String other) {
        return new ScimHttp(base, other);
    }

    OidcClient.Response get(String path) {
        return send("GET", path, null);
    }

    OidcClient.Response post(String path, String json) {
        return send("POST", path, json);
    }

    OidcClient.Response put(String path, String json) {
        return send("PUT", path, json);
    }

    OidcClient.Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    OidcClient.Response delete(String path) {
        return send("DELETE", path, null);
    }

    OidcClient.Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/scim+json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return OidcClient.send(request.build());
    }
}
