package io.github.b2bpack.it.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The webhook admin REST API as an operator's script calls it: plain HTTP with a bearer token,
 * so the tests see status codes and JSON exactly as clients do.
 */
final class WebhookApi extends BearerHttp {

    static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    static final ObjectMapper JSON = new ObjectMapper();

    WebhookApi(String realm, Supplier<String> token) {
        super(SERVER + "/admin/realms/" + realm, token, Duration.ofSeconds(30));
    }

    OidcClient.Response createWebhook(String name, String url, List<String> codes) {
        ObjectNode body =
                JSON.createObjectNode().put("name", name).put("target_url", url).put("active", true);
        ArrayNode array = body.putArray("event_codes");
        codes.forEach(array::add);
        return post("/webhooks", body.toString());
    }

    /** All webhook events of the realm (first 100, newest first). */
    JsonNode events(String state) {
        OidcClient.Response r = get("/webhook-events?per_page=100" + (state == null ? "" : "&state=" + state));
        if (r.status() != 200) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return r.json().get("data");
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
