package io.github.b2bpack.webhook.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.b2bpack.webhook.api.WebhookEventTypesAdminResourceProviderFactory;
import io.github.b2bpack.webhook.catalog.EventCatalog;
import io.github.b2bpack.webhook.catalog.EventTypeEntry;
import io.github.b2bpack.webhook.catalog.PackEvents;
import io.github.b2bpack.webhook.health.EndpointCodes;
import io.github.b2bpack.webhook.health.EndpointPayloads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * The event catalog against the real payload builders: for every catalogued code, payloads built by
 * {@link WebhookPayloads} from Keycloak's own {@link Event} and {@link AdminEvent} (every optional field present, and
 * every one absent) validate against the code's schema with a JSON Schema validator. The schemas are closed, so a
 * field added to a payload without its schema fails here.
 */
class PayloadSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final OrganizationContext ORG = new OrganizationContext("acme.com", "production");

    private final EventCatalog catalog = WebhookEventTypesAdminResourceProviderFactory.catalog();
    private final Set<String> validated = new HashSet<>();

    @Test
    void everyCatalogedCodeHasPayloadsThatMatchItsSchema() {
        for (EventType type : EventType.values()) {
            String code = EventCodes.forUserEvent(type.name(), null);
            for (Event event : userEvents(type, null)) {
                for (OrganizationContext org : List.of(ORG, OrganizationContext.NONE)) {
                    valid(code, WebhookPayloads.forUserEvent(code, event, org));
                }
            }
        }
        for (PackEvents.Named named : PackEvents.USER) {
            for (EventType type : List.of(EventType.CUSTOM_REQUIRED_ACTION, EventType.CUSTOM_REQUIRED_ACTION_ERROR)) {
                String code = EventCodes.forUserEvent(type.name(), named.name());
                for (Event event : userEvents(type, named.name())) {
                    valid(code, WebhookPayloads.forUserEvent(code, event, ORG));
                }
            }
        }
        List<String> resources = new ArrayList<>();
        for (ResourceType r : ResourceType.values()) {
            resources.add(r.name());
        }
        PackEvents.ADMIN.forEach(r -> resources.add(r.type()));
        for (String resource : resources) {
            for (OperationType op : OperationType.values()) {
                for (boolean error : new boolean[] {false, true}) {
                    String code = EventCodes.forAdminEvent(resource, op.name(), error);
                    for (AdminEvent event : adminEvents(resource, op, error)) {
                        for (String representation : representations()) {
                            event.setRepresentation(representation);
                            valid(code, WebhookPayloads.forAdminEvent(code, event, true, ORG, 200));
                            valid(code, WebhookPayloads.forAdminEvent(code, event, true, OrganizationContext.NONE, 5));
                            valid(code, WebhookPayloads.forAdminEvent(code, event, false, ORG, 200));
                        }
                    }
                }
            }
        }
        // Families: codes of other extensions, caught by a pattern.
        for (EventType type : List.of(EventType.UPDATE_PROFILE, EventType.UPDATE_PROFILE_ERROR)) {
            String code = EventCodes.forUserEvent(type.name(), "other_extension.thing_done");
            for (Event event : userEvents(type, "other_extension.thing_done")) {
                valid(code, WebhookPayloads.forUserEvent(code, event, ORG));
            }
        }
        for (boolean error : new boolean[] {false, true}) {
            String code = EventCodes.forAdminEvent("ACME_INVOICE", "ACTION", error);
            for (AdminEvent event : adminEvents("ACME_INVOICE", OperationType.ACTION, error)) {
                valid(code, WebhookPayloads.forAdminEvent(code, event, true, ORG, 200));
            }
        }
        // Operational events, with every fact known and with the unknown ones null.
        for (EndpointPayloads.Facts f : List.of(
                new EndpointPayloads.Facts(
                        "r", "acme", "h", "crm", "https://crm.example.com/x?t=1", 1L, 0L, 503, "http_503"),
                new EndpointPayloads.Facts("r", "acme", "h", "crm", "not a url", 1L, null, null, "timeout"))) {
            valid(EventCodes.ENDPOINT_FAILING, EndpointPayloads.failing(f, 2L));
            valid(
                    EventCodes.ENDPOINT_DISABLED,
                    EndpointPayloads.disabled(f, 2L, java.time.Duration.ofDays(5), EndpointCodes.AUTO_DISABLED));
            valid(EventCodes.ENDPOINT_RECOVERED, EndpointPayloads.recovered(f, 2L));
        }
        Set<String> all = new TreeSet<>();
        catalog.all().forEach(e -> all.add(e.code()));
        all.removeAll(validated);
        assertEquals(Set.of(), all, "catalogued codes without a real payload checked against their schema");
    }

    @Test
    void triggerTestSamplesMatchTheSchemaOfTheirCode() {
        for (EventTypeEntry entry : catalog.all()) {
            if (!entry.code().contains("*")) {
                valid(entry.code(), WebhookPayloads.sample(entry.code(), "realm-id", "acme", ORG, 1_700_000_000_000L));
            }
        }
    }

    @Test
    void aFieldWithoutItsSchemaOrAWrongConstantFails() {
        Event event = userEvents(EventType.LOGIN, null).get(0);
        ObjectNode payload = WebhookPayloads.forUserEvent("user.login.success", event, ORG);
        ((ObjectNode) payload.get("data")).put("new_field", "x");
        assertFalse(errors("user.login.success", payload).isEmpty(), "an unknown field in data must fail");

        ObjectNode other = WebhookPayloads.forUserEvent("user.login.success", event, ORG);
        other.put("extra", 1);
        assertFalse(errors("user.login.success", other).isEmpty(), "an unknown top-level field must fail");

        event.setType(EventType.LOGOUT);
        ObjectNode wrongType = WebhookPayloads.forUserEvent("user.login.success", event, ORG);
        assertFalse(errors("user.login.success", wrongType).isEmpty(), "keycloak_type is fixed by the code");

        ObjectNode badTime = WebhookPayloads.forUserEvent("user.login.success", event, ORG);
        badTime.put("timestamp", "yesterday");
        assertFalse(errors("user.logout.success", badTime).isEmpty(), "timestamp is an RFC 3339 date-time");
    }

    @Test
    void everySchemaIsAValidDraft202012Schema() {
        Schema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (EventTypeEntry entry : catalog.all()) {
            List<Error> errors = meta.validate(entry.schema());
            assertTrue(errors.isEmpty(), entry.code() + ": " + errors);
        }
    }

    /** Validates {@code payload} against the schema the catalog gives for {@code code}, and notes the entry checked. */
    private void valid(String code, JsonNode payload) {
        List<EventTypeEntry> entries = catalog.select(code);
        assertEquals(1, entries.size(), code + " must be catalogued once: " + entries);
        List<Error> errors = errors(code, payload);
        assertTrue(errors.isEmpty(), code + ": " + errors + " in " + payload);
        validated.add(entries.get(0).code());
    }

    private List<Error> errors(String code, JsonNode payload) {
        EventTypeEntry entry = catalog.select(code).get(0);
        Schema schema = SCHEMAS.getSchema(entry.schema());
        // Validated as a receiver sees it: the bytes sent, parsed again; formats (date-time) asserted, not annotations.
        try {
            return schema.validate(
                    JSON.readTree(WebhookPayloads.bytes(payload)),
                    ctx -> ctx.executionConfig(config -> config.formatAssertionsEnabled(true)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** One event with every field set (error, details with a secret), and one with everything optional left null. */
    private static List<Event> userEvents(EventType type, String packEvent) {
        Event full = new Event();
        full.setId("ev-1");
        full.setTime(1_700_000_000_123L);
        full.setType(type);
        full.setRealmId("realm-id");
        full.setRealmName("acme");
        full.setUserId("user-1");
        full.setClientId("web-app");
        full.setIpAddress("203.0.113.9");
        full.setSessionId("session-1");
        Map<String, String> details = new HashMap<>();
        details.put("username", "alice");
        details.put("refresh_token", "eyJ.secret");
        details.put("redirect_uri", null);
        if (packEvent != null) {
            details.put(EventCodes.PACK_EVENT_DETAIL, packEvent);
        }
        full.setDetails(details);
        if (type.name().endsWith("_ERROR")) {
            full.setError("invalid_user_credentials");
        }
        Event bare = new Event();
        bare.setTime(0);
        bare.setType(type);
        bare.setRealmId("realm-id");
        if (packEvent != null) {
            bare.setDetails(Map.of(EventCodes.PACK_EVENT_DETAIL, packEvent));
        }
        return List.of(full, bare);
    }

    private static List<AdminEvent> adminEvents(String resource, OperationType op, boolean error) {
        AdminEvent full = new AdminEvent();
        full.setId("a-1");
        full.setTime(1_700_000_000_000L);
        full.setRealmId("realm-id");
        full.setRealmName("acme");
        full.setResourceTypeAsString(resource);
        full.setOperationType(op);
        full.setResourcePath("users/u-1/role-mappings/realm");
        AuthDetails auth = new AuthDetails();
        auth.setRealmId("master");
        auth.setClientId("admin-cli");
        auth.setUserId("admin-1");
        auth.setIpAddress("127.0.0.1");
        full.setAuthDetails(auth);
        full.setDetails(Map.of("b2bpack_event", "webhook.secret_rotated"));
        if (error) {
            full.setError("unknown_error");
        }
        AdminEvent bare = new AdminEvent();
        bare.setTime(0);
        bare.setRealmId("realm-id");
        bare.setResourceTypeAsString(resource);
        bare.setOperationType(op);
        return List.of(full, bare);
    }

    /** A JSON representation with a secret, one that is not JSON, a JSON scalar, and none. */
    private static List<String> representations() {
        return Arrays.asList(
                "{\"username\":\"bob\",\"credentials\":[{\"value\":\"hunter2\"}],\"attributes\":{\"a\":[\"1\"]}}",
                "password=hunter2",
                "42",
                null);
    }
}
