package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /admin/realms/{realm}/webhooks}: a realm's webhooks. Reading needs {@code view-events},
 * changing needs {@code manage-events}; Keycloak answers 401 without a token.
 */
public final class WebhooksResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    WebhooksResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        auth.realm().requireViewEvents();
        return answer(() -> {
            Paging paging = Paging.parse(page, perPage);
            WebhookStore store = store(runtime());
            long now = System.currentTimeMillis();
            List<WebhookView> data = store.list(realm.getId(), paging.first(), paging.perPage()).stream()
                    .map(w -> WebhookView.of(w, null, now)).toList();
            return Response.ok(new Page<>(data, paging.page(), paging.perPage(), store.count(realm.getId()))).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        auth.realm().requireManageEvents();
        return answer(() -> {
            WebhookRuntime runtime = runtime();
            WebhookRequest request = WebhookRequest.parse(body);
            checkTarget(runtime, request.targetUrl());
            long now = System.currentTimeMillis();
            WebhookStore.Created created = store(runtime).create(realm.getId(), request.name(), request.targetUrl(), request.eventCodes(),
                    request.active(), request.signatureScheme(), now);
            ActiveWebhooks.changed(realm);
            return Response.created(URI.create(created.webhook().id()))
                    .entity(WebhookView.of(created.webhook(), created.signatureKey(), now)).build();
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        auth.realm().requireViewEvents();
        return answer(() -> Response.ok(WebhookView.of(found(store(runtime()).find(realm.getId(), id)), null,
                System.currentTimeMillis())).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body) {
        auth.realm().requireManageEvents();
        return answer(() -> {
            WebhookRuntime runtime = runtime();
            WebhookRequest request = WebhookRequest.parse(body);
            checkTarget(runtime, request.targetUrl());
            long now = System.currentTimeMillis();
            WebhookStore store = store(runtime);
            Webhook updated = found(store.update(realm.getId(), id, request.name(), request.targetUrl(), request.eventCodes(),
                    request.active(), now));
            ActiveWebhooks.changed(realm);
            if (request.signatureScheme() != null && !request.signatureScheme().equals(updated.signatureScheme())) {
                // A scheme switch is a rotation: the old key keeps signing beside the new one for the grace period.
                WebhookStore.Created switched = store.rotate(realm.getId(), id, request.signatureScheme(), now,
                        now + runtime.settings().secretGracePeriod().toMillis());
                return Response.ok(WebhookView.of(switched.webhook(), switched.signatureKey(), now)).build();
            }
            return Response.ok(WebhookView.of(updated, null, now)).build();
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        auth.realm().requireManageEvents();
        return answer(() -> {
            WebhookStore store = store(runtime());
            if (!store.delete(realm.getId(), id)) {
                throw ApiException.notFound("webhook");
            }
            new OutboxStore(Runtimes.em(session)).cancelForWebhook(id, System.currentTimeMillis());
            ActiveWebhooks.changed(realm);
            return Response.noContent().build();
        });
    }

    @POST
    @Path("{id}/rotate-secret")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotateSecret(@PathParam("id") String id) {
        auth.realm().requireManageEvents();
        return answer(() -> {
            WebhookRuntime runtime = runtime();
            long now = System.currentTimeMillis();
            WebhookStore.Created rotated = store(runtime).rotate(realm.getId(), id, null, now,
                    now + runtime.settings().secretGracePeriod().toMillis());
            if (rotated == null) {
                throw ApiException.notFound("webhook");
            }
            ActiveWebhooks.changed(realm);
            return Response.ok(WebhookView.of(rotated.webhook(), rotated.signatureKey(), now)).build();
        });
    }

    private void checkTarget(WebhookRuntime runtime, String url) {
        String problem = TargetUrls.problem(url, runtime.settings().addressPolicy());
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
    }

    private WebhookStore store(WebhookRuntime runtime) {
        return new WebhookStore(Runtimes.em(session), runtime.cipher());
    }

    private WebhookRuntime runtime() {
        return Runtimes.of(session);
    }

    private static Webhook found(Webhook webhook) {
        if (webhook == null) {
            throw ApiException.notFound("webhook");
        }
        return webhook;
    }

    static Response answer(Supplier<Response> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            return e.toResponse();
        } catch (WebhookStore.MissingEncryptionKeyException e) {
            return new ApiException(503, "encryption_key_missing",
                    "the server has no webhook encryption key configured; see the webhook-event-listener documentation").toResponse();
        }
    }
}
