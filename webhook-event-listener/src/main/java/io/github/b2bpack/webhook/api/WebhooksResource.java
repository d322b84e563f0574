package io.github.b2bpack.webhook.api;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.delivery.HostResolver;
import io.github.b2bpack.webhook.delivery.SsrfGuard;
import io.github.b2bpack.webhook.filter.SourceFilter;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.healing.HealthStore;
import io.github.b2bpack.webhook.health.EndpointCodes;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.DeliveryRules;
import io.github.b2bpack.webhook.subscription.MissingEncryptionKeyException;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookLimitExceededException;
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
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/webhooks}: a realm's webhooks. Reading needs {@code view-events},
 * changing needs {@code manage-events}; Keycloak answers 401 without a token.
 */
public final class WebhooksResource {

    /** Resource type of the admin events of webhook changes (webhook event code {@code admin.webhook.<op>.success}). */
    static final String RESOURCE_TYPE = "WEBHOOK";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    WebhooksResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(RESOURCE_TYPE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        auth.realm().requireViewEvents();
        return answer(() -> {
            Paging paging = Paging.parse(page, perPage);
            WebhookStore store = store(runtime());
            long now = System.currentTimeMillis();
            List<Webhook> webhooks = store.list(realm.getId(), paging.first(), paging.perPage());
            Map<String, Long> failing = new HealthStore(session)
                    .failingSince(
                            realm.getId(), webhooks.stream().map(Webhook::id).toList());
            List<WebhookView> data = webhooks.stream()
                    .map(w -> WebhookView.of(w, null, now, failing.get(w.id()), null))
                    .toList();
            return Response.ok(new Page<>(data, paging.page(), paging.perPage(), store.count(realm.getId())))
                    .build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        auth.realm().requireManageEvents();
        return answer(() -> {
            WebhookRuntime runtime = runtime();
            WebhookRequest request = request(runtime, body);
            requireClients(request.rules().filter());
            long now = System.currentTimeMillis();
            WebhookStore.Created created;
            try {
                created = store(runtime)
                        .create(
                                realm.getId(),
                                request.name(),
                                request.targetUrl(),
                                request.eventCodes(),
                                request.active(),
                                request.signatureScheme(),
                                request.payloadFormat() == null ? PayloadFormat.STANDARD : request.payloadFormat(),
                                request.rules(),
                                now,
                                runtime.settings().maxWebhooksPerRealm());
            } catch (WebhookLimitExceededException e) {
                throw new ApiException(
                        409,
                        "limit_exceeded",
                        "this realm already has " + e.limit() + " webhooks, the most allowed "
                                + "(server option spi-events-listener--webhooks--max-webhooks-per-realm); delete one first");
            }
            ActiveWebhooks.changed(realm);
            audit(OperationType.CREATE, created.webhook(), null);
            return Response.created(URI.create(created.webhook().id()))
                    .entity(WebhookView.of(created.webhook(), created.signatureKey(), now))
                    .build();
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        auth.realm().requireViewEvents();
        return answer(() -> {
            Webhook webhook = found(store(runtime()).find(realm.getId(), id));
            Long failingSince = new HealthStore(session).failingSince(webhook.id());
            return Response.ok(WebhookView.of(webhook, null, System.currentTimeMillis(), failingSince, null))
                    .build();
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, InputStream body) {
        auth.realm().requireManageEvents();
        return answer(() -> {
            WebhookRuntime runtime = runtime();
            WebhookRequest request = request(runtime, body);
            requireClients(request.rules().filter());
            long now = System.currentTimeMillis();
            WebhookStore store = store(runtime);
            Webhook before = found(store.find(realm.getId(), id));
            DeliveryRules rules = request.rulesOver(before);
            WebhookView.RecoverHint recover = reenabled(before, request.active());
            Webhook updated = found(store.update(
                    realm.getId(),
                    id,
                    request.name(),
                    request.targetUrl(),
                    request.eventCodes(),
                    request.active(),
                    request.payloadFormat(),
                    rules,
                    now));
            ActiveWebhooks.changed(realm);
            if (request.signatureScheme() != null && !request.signatureScheme().equals(updated.signatureScheme())) {
                // A scheme switch is a rotation: the old key keeps signing beside the new one for the grace period.
                WebhookStore.Created switched =
                        store.rotate(realm.getId(), id, request.signatureScheme(), now, graceEnd(runtime, now));
                audit(OperationType.UPDATE, switched.webhook(), "webhook.scheme_switched");
                return Response.ok(WebhookView.of(switched.webhook(), switched.signatureKey(), now, null, recover))
                        .build();
            }
            audit(OperationType.UPDATE, updated, null);
            Long failingSince = recover != null ? null : new HealthStore(session).failingSince(id);
            return Response.ok(WebhookView.of(updated, null, now, failingSince, recover))
                    .build();
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        auth.realm().requireManageEvents();
        return answer(() -> {
            WebhookStore store = store(runtime());
            Webhook deleted = store.find(realm.getId(), id);
            if (deleted == null || !store.delete(realm.getId(), id)) {
                throw ApiException.notFound("webhook");
            }
            // The component factory's preRemove cancelled its pending deliveries.
            audit(OperationType.DELETE, deleted, null);
            new HealthStore(session).deleteWebhook(id);
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
            WebhookStore.Created rotated = store(runtime).rotate(realm.getId(), id, null, now, graceEnd(runtime, now));
            if (rotated == null) {
                throw ApiException.notFound("webhook");
            }
            ActiveWebhooks.changed(realm);
            audit(OperationType.ACTION, rotated.webhook(), "webhook.secret_rotated");
            return Response.ok(WebhookView.of(rotated.webhook(), rotated.signatureKey(), now))
                    .build();
        });
    }

    /**
     * Creates webhooks from a partial export of a realm (or its {@code components} entry, or a list of components):
     * Keycloak's own partial import leaves components out. New ids; keys carried over where readable, else new and
     * answered once ({@link WebhookTransfers}).
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importWebhooks(InputStream body) {
        auth.realm().requireManageEvents();
        return answer(() -> new WebhookTransfers(session, realm, auth, adminEvent).importFrom(body));
    }

    /**
     * {@code {"from_realm": "<name>"}}: copies every webhook of another realm (a sandbox organization's) to this one,
     * with new ids and new keys answered once. Needs {@code manage-events} on both realms.
     */
    @POST
    @Path("copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response copyWebhooks(InputStream body) {
        auth.realm().requireManageEvents();
        return answer(() -> new WebhookTransfers(session, realm, auth, adminEvent).copy(body));
    }

    /**
     * {@code {"since": "2026-12-07T10:00:00Z"}}: re-queues the webhook's discarded deliveries since then, within the
     * server's bounds; {@code 202} with how many were queued and whether more remain ({@link WebhookRecovery}).
     */
    @POST
    @Path("{id}/recover")
    @Produces(MediaType.APPLICATION_JSON)
    public Response recover(@PathParam("id") String id, InputStream body) {
        auth.realm().requireManageEvents();
        return answer(() -> new WebhookRecovery(session, realm).recover(id, body, adminEvent));
    }

    /**
     * An update that re-enables a webhook the pack disabled: its endpoint's failing period ends here (the next failure
     * starts a new one), and the answer says what to recover: every delivery discarded since the period began, from the
     * creation of the oldest of them.
     */
    private WebhookView.RecoverHint reenabled(Webhook before, boolean active) {
        if (!active || before.active() || !EndpointCodes.AUTO_DISABLED.equals(before.deactivatedReason())) {
            return null;
        }
        HealthStore health = new HealthStore(session);
        Long failingSince = health.failingSince(before.id());
        health.reset(before.id());
        return failingSince == null
                ? null
                : new WebhookView.RecoverHint(
                        JsonTime.of(health.recoverSince(before.id(), failingSince)),
                        "/admin/realms/" + realm.getName() + "/webhooks/" + before.id() + "/recover");
    }

    /**
     * The audit trail of webhook changes: an admin event (stored when the realm stores admin events, and handed to
     * every event listener) with the webhook without any key, in the request's transaction.
     */
    private void audit(OperationType operation, Webhook webhook, String packEvent) {
        AdminEventBuilder event = adminEvent
                .clone(session)
                .operation(operation)
                .resourcePath("webhooks", webhook.id())
                .representation(WebhookAudit.of(webhook));
        if (packEvent != null) {
            event.detail("b2bpack_event", packEvent);
        }
        event.success();
    }

    /** The body of a create or update, parsed strictly, its target URL checked by the SSRF guard; a 400 otherwise. */
    private static WebhookRequest request(WebhookRuntime runtime, InputStream body) {
        WebhookRequest request = WebhookRequest.parse(BoundedBody.read(body, BoundedBody.MAX_BYTES));
        String problem = TargetUrls.problem(
                request.targetUrl(), new SsrfGuard(runtime.settings().addressPolicy(), HostResolver.SYSTEM));
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
        return request;
    }

    /**
     * Every client a filter names must be a client of this realm, looked up by client id in this realm only: a realm
     * admin cannot name (or probe for) another realm's clients, and a typo is a 400 rather than a filter that never
     * matches.
     */
    private void requireClients(SourceFilter filter) {
        List<String> unknown = new ArrayList<>();
        for (List<String> ids : List.of(filter.clientIds(), filter.excludedClientIds())) {
            for (String clientId : ids) {
                if (realm.getClientByClientId(clientId) == null) {
                    unknown.add(clientId);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown client " + SourceFilter.quoted(unknown)
                    + " in client_ids or excluded_client_ids: " + "name clients of this realm by their client id");
        }
    }

    /** Until when a rotated-out key keeps signing beside the new one. */
    private static long graceEnd(WebhookRuntime runtime, long now) {
        return now + runtime.settings().secretGracePeriod().toMillis();
    }

    private WebhookStore store(WebhookRuntime runtime) {
        return new WebhookStore(session, runtime.cipher());
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
        } catch (ComponentValidationException e) {
            // The component factory's check of a write (WebhookComponentCheck): its message names the field.
            return ApiException.badRequest(e.getMessage()).toResponse();
        } catch (MissingEncryptionKeyException e) {
            return new ApiException(
                            503,
                            "encryption_key_missing",
                            "the server has no webhook encryption key configured; see the webhook-event-listener documentation")
                    .toResponse();
        }
    }
}
