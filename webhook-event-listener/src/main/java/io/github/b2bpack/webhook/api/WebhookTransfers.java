package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.MissingEncryptionKeyException;
import io.github.b2bpack.webhook.subscription.WebhookConfig;
import io.github.b2bpack.webhook.subscription.WebhookLimitExceededException;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import io.github.b2bpack.webhook.subscription.WebhookTransfer;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * {@code POST …/webhooks/import} (a partial export, or its {@code components} entry, or a list of components) and
 * {@code POST …/webhooks/copy} ({@code {"from_realm": "<name>"}}): Keycloak's partial import leaves components out,
 * so webhooks come in here. All or nothing, within the per-realm cap; one admin event per webhook created; new ids;
 * keys generated where none can be carried over, answered once.
 */
final class WebhookTransfers {

    /** A partial export of a whole realm is far larger than a webhook body. */
    static final int MAX_IMPORT_BYTES = 8 * 1024 * 1024;

    private static final int MAX_WEBHOOKS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    WebhookTransfers(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    Response importFrom(InputStream body) {
        List<Source> sources = parseExport(root(BoundedBody.read(body, MAX_IMPORT_BYTES)));
        if (sources.isEmpty()) {
            throw ApiException.badRequest("the body holds no webhook (no component of provider "
                    + WebhookConfig.PROVIDER_ID + " under " + WebhookConfig.PROVIDER_TYPE + ")");
        }
        return add(sources, WebhookTransfer.Mode.IMPORT, "webhook.imported");
    }

    Response copy(InputStream body) {
        JsonNode root = root(BoundedBody.read(body, BoundedBody.MAX_BYTES));
        JsonNode from = root.get("from_realm");
        if (!root.isObject()
                || root.size() != 1
                || from == null
                || !from.isTextual()
                || from.asText().isBlank()) {
            throw ApiException.badRequest("the body must be {\"from_realm\": \"<realm name>\"}");
        }
        RealmModel source = session.realms().getRealmByName(from.asText());
        if (source == null) {
            throw ApiException.notFound("realm " + (from.asText().length() > 60 ? "" : from.asText()));
        }
        // The caller must manage the events of both realms: copying exposes the source's receivers to this realm.
        AdminPermissions.evaluator(session, source, auth.adminAuth()).realm().requireManageEvents();
        if (source.getId().equals(realm.getId())) {
            throw ApiException.badRequest("from_realm is this realm");
        }
        List<Source> sources = new ArrayList<>();
        for (ComponentModel c : WebhookTransfer.of(source)) {
            sources.add(new Source(c.getId(), c.getConfig()));
        }
        return add(sources, WebhookTransfer.Mode.COPY, "webhook.copied");
    }

    private Response add(List<Source> sources, WebhookTransfer.Mode mode, String packEvent) {
        WebhookRuntime runtime = Runtimes.of(session);
        long now = System.currentTimeMillis();
        try {
            new WebhookStore(session, runtime.cipher())
                    .requireRoom(realm.getId(), runtime.settings().maxWebhooksPerRealm(), sources.size());
        } catch (WebhookLimitExceededException e) {
            throw new ApiException(
                    409,
                    "limit_exceeded",
                    "adding " + sources.size() + " webhooks would pass " + e.limit() + ", the most one realm may have"
                            + " (server option spi-events-listener--webhooks--max-webhooks-per-realm)");
        }
        WebhookTransfer transfer = new WebhookTransfer(runtime.cipher());
        List<WebhookView> created = new ArrayList<>();
        for (Source source : sources) {
            String name = WebhookConfig.first(source.config(), WebhookConfig.NAME);
            WebhookStore.Created added;
            try {
                added = transfer.add(realm, source.id(), source.config(), mode, now);
            } catch (MissingEncryptionKeyException e) {
                throw e;
            } catch (ComponentValidationException e) {
                throw rollback(ApiException.badRequest("webhook " + label(name) + ": " + e.getMessage()));
            } catch (IllegalStateException e) {
                throw rollback(ApiException.badRequest("webhook " + label(name) + ": its signing_key does not decrypt"
                        + " with this server's webhook encryption keys (export and import between servers that share"
                        + " the encryption key, or mask it to get a new key)"));
            }
            adminEvent
                    .clone(session)
                    .operation(OperationType.CREATE)
                    .resourcePath("webhooks", added.webhook().id())
                    .representation(WebhookAudit.of(added.webhook()))
                    .detail("b2bpack_event", packEvent)
                    .success();
            created.add(WebhookView.of(added.webhook(), added.signatureKey(), now));
        }
        ActiveWebhooks.changed(realm);
        return Response.ok(Map.of("created", created)).build();
    }

    /** Webhooks already added in this transaction must not stay: the whole request fails. */
    private ApiException rollback(ApiException e) {
        session.getTransactionManager().setRollbackOnly();
        return e;
    }

    private static String label(String name) {
        return name == null ? "(no name)" : "'" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "'";
    }

    private static JsonNode root(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("a JSON body is required");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !(root.isObject() || root.isArray())) {
                throw ApiException.badRequest("the body must be a JSON object or array");
            }
            return root;
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }

    /** A realm export ({@code components}), its {@code components} entry, or a list of components. */
    static List<Source> parseExport(JsonNode root) {
        JsonNode list = root;
        if (root.isObject()) {
            JsonNode components = root.has("components") ? root.get("components") : root;
            list = components.isObject() ? components.get(WebhookConfig.PROVIDER_TYPE) : null;
            if (list == null || list.isNull()) {
                return List.of();
            }
        }
        if (!list.isArray()) {
            throw ApiException.badRequest("components of " + WebhookConfig.PROVIDER_TYPE + " must be an array");
        }
        List<Source> sources = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw ApiException.badRequest("each component must be a JSON object");
            }
            JsonNode provider = item.get("providerId");
            if (provider != null && !WebhookConfig.PROVIDER_ID.equals(provider.asText())) {
                continue; // another page of the console, not a webhook
            }
            if (sources.size() == MAX_WEBHOOKS) {
                throw ApiException.badRequest("at most " + MAX_WEBHOOKS + " webhooks in one import");
            }
            JsonNode id = item.get("id");
            sources.add(new Source(id != null && id.isTextual() ? id.asText() : null, config(item.get("config"))));
        }
        return sources;
    }

    private static MultivaluedHashMap<String, String> config(JsonNode config) {
        if (config == null || !config.isObject()) {
            throw ApiException.badRequest("each component needs a config object");
        }
        MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                for (JsonNode v : value) {
                    if (!v.isValueNode() || v.isNull()) {
                        throw ApiException.badRequest("config values must be strings or arrays of strings");
                    }
                    map.add(field.getKey(), v.asText());
                }
            } else if (value.isValueNode() && !value.isNull()) {
                map.add(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                throw ApiException.badRequest("config values must be strings or arrays of strings");
            }
        }
        return map;
    }

    /** A webhook configuration and the id it had where it comes from. */
    record Source(String id, MultivaluedHashMap<String, String> config) {}
}
