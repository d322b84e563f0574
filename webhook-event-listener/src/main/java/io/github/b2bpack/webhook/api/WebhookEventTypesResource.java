package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.catalog.EventCatalog;
import io.github.b2bpack.webhook.catalog.EventTypeEntry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/webhook-event-types[?code=]}: every event code the pack can emit, with a
 * description and the JSON Schema of its payload. Same for every realm (nothing tenant-specific); reading it needs
 * {@code view-events} like the rest of the webhooks API.
 */
public final class WebhookEventTypesResource {

    private final EventCatalog catalog;
    private final AdminPermissionEvaluator auth;

    WebhookEventTypesResource(EventCatalog catalog, AdminPermissionEvaluator auth) {
        this.catalog = catalog;
        this.auth = auth;
    }

    /** {@code code}: an event code (its entry, or its family's), or a pattern with {@code *} (every entry it matches). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("code") String code) {
        auth.realm().requireViewEvents();
        return WebhooksResource.answer(() -> {
            List<EventTypeEntry> entries;
            if (code == null || code.isEmpty()) {
                entries = catalog.all();
            } else {
                try {
                    entries = catalog.select(code);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(e.getMessage());
                }
            }
            return Response.ok(new Catalog(entries, entries.size())).build();
        });
    }

    /** The answer: the entries and how many there are. */
    record Catalog(List<EventTypeEntry> data, int total) {}
}
