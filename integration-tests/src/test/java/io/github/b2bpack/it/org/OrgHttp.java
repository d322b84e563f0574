package io.github.b2bpack.it.org;

import io.github.b2bpack.it.support.OidcClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Supplier;

/** Plain HTTP calls to the organization API, with whatever bearer token (or none) a test hands it. */
final class OrgHttp {

    static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    static final String ORGS = SERVER + "/admin/realms/master/orgs";

    private final Supplier<String> token;

    OrgHttp(Supplier<String> token) {
        this.token = token;
    }

    OidcClient.Response get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    OidcClient.Response post(String pathAndQuery, String json) {
        return send(request(pathAndQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    OidcClient.Response put(String pathAndQuery, String json) {
        return send(request(pathAndQuery)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    OidcClient.Response delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(ORGS + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        String bearer = token == null ? null : token.get();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private static OidcClient.Response send(HttpRequest.Builder builder) {
        return OidcClient.send(builder.build());
    }
}
