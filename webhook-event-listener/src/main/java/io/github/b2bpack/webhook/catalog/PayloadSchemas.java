package io.github.b2bpack.webhook.catalog;

import static io.github.b2bpack.webhook.catalog.JsonSchema.constant;
import static io.github.b2bpack.webhook.catalog.JsonSchema.nullableString;
import static io.github.b2bpack.webhook.catalog.JsonSchema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.webhook.health.EndpointCodes;

/**
 * The JSON Schema of each webhook payload {@code {type, timestamp, data}}, field for field what
 * {@code event.WebhookPayloads} writes (its user-event, admin-event and trigger-test builders). Kept beside it by
 * {@code PayloadSchemasTest}, which builds real payloads for every catalogued code and validates them: a field added
 * to a builder but not here fails that test, since every object here is closed.
 */
public final class PayloadSchemas {

    private PayloadSchemas() {}

    /**
     * A user event's payload.
     *
     * @param type          the schema of {@code type}: the code as a constant, or a pattern for a family
     * @param keycloakType  the Keycloak event type when the code fixes it ({@code LOGIN} for {@code user.login.success});
     *                      null when any type may carry the code (pack events, families)
     */
    public static ObjectNode userEvent(String title, ObjectNode type, String keycloakType) {
        JsonSchema.ObjectBuilder data = JsonSchema.object().required("event_id", nullableString());
        realm(data);
        data.required("user_id", nullableString())
                .required("client_id", nullableString())
                .required("ip_address", nullableString())
                .required("session_id", nullableString())
                .required("keycloak_type", keycloakType == null ? nullableString() : constant(keycloakType))
                .optional("error", string())
                .required("details", JsonSchema.stringMap())
                .optional("test", constant(true));
        return envelope(title, type, data.build());
    }

    /**
     * An admin event's payload.
     *
     * @param resourceType the resource type as Keycloak names it ({@code USER}); null for a family
     * @param operation    {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code ACTION}; null for a family
     */
    public static ObjectNode adminEvent(String title, ObjectNode type, String resourceType, String operation) {
        JsonSchema.ObjectBuilder data = JsonSchema.object().required("event_id", nullableString());
        realm(data);
        ObjectNode auth = JsonSchema.object()
                .required("realm_id", nullableString())
                .required("client_id", nullableString())
                .required("user_id", nullableString())
                .required("ip_address", nullableString())
                .build();
        data.optional("auth", auth)
                .optional("ip_address", nullableString())
                .required("resource_type", resourceType == null ? nullableString() : constant(resourceType))
                .required("operation", operation == null ? nullableString() : constant(operation))
                .required("resource_path", nullableString())
                .required("resource_ids", JsonSchema.stringMap())
                .optional("error", string())
                .required("details", JsonSchema.stringMap())
                // Only when the realm includes representations: the redacted JSON Keycloak's admin API received.
                .optional("representation", JsonSchema.any())
                .optional("representation_truncated", constant(true))
                .optional("test", constant(true));
        return envelope(title, type, data.build());
    }

    /**
     * An operational event's payload ({@code health.EndpointPayloads}): {@code webhook.endpoint.failing},
     * {@code .disabled} (adds the reason and the period) or {@code .recovered} (adds when).
     */
    public static ObjectNode endpointEvent(String code) {
        JsonSchema.ObjectBuilder data = JsonSchema.object()
                .required("realm_id", nullableString())
                .required("realm", nullableString())
                .required("webhook_id", string())
                .required("name", nullableString())
                .required("target_host", nullableString())
                .required("failing_since", nullableString())
                .required("last_success_at", nullableString())
                .required("last_status", JsonSchema.nullableInteger())
                .required("last_error", nullableString())
                .optional("test", constant(true));
        if (code.equals(EndpointCodes.DISABLED)) {
            data.required("deactivated_reason", string()).required("disable_after_seconds", JsonSchema.integer());
        } else if (code.equals(EndpointCodes.RECOVERED)) {
            data.required("recovered_at", JsonSchema.dateTime());
        }
        return envelope(code, constant(code), data.build());
    }

    /** Realm and organization context, common to both kinds. */
    private static void realm(JsonSchema.ObjectBuilder data) {
        data.required("realm_id", nullableString())
                .required("realm", nullableString())
                .optional("organization_domain", string())
                .optional("environment", string());
    }

    private static ObjectNode envelope(String title, ObjectNode type, ObjectNode data) {
        ObjectNode schema = JsonSchema.object()
                .required("type", type)
                .required("timestamp", JsonSchema.dateTime())
                .required("data", data)
                .build();
        ObjectNode root = schema.objectNode().put("$schema", JsonSchema.DIALECT).put("title", title);
        root.setAll(schema);
        return root;
    }
}
