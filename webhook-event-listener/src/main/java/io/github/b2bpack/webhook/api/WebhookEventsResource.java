package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.event.EventCodes;
import io.github.b2bpack.webhook.event.OrganizationContext;
import io.github.b2bpack.webhook.event.WebhookPayloads;
import io.github.b2bpack.webhook.format.DeliveryBody;
import io.github.b2bpack.webhook.outbox.Delivery;
import io.github.b2bpack.webhook.outbox.DeliveryFilter;
import io.github.b2bpack.webhook.outbox.DeliveryHistory;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/webhook-events}: every delivery of the realm with its state and attempts;
 * retry, cancel, and trigger-test (preview a payload and the webhooks it would reach, optionally send it).
 */
public final class WebhookEventsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    WebhookEventsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** {@code ?webhook_id=&state=&since=&until=&page=&per_page=}: see {@link EventFilters}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @QueryParam("webhook_id") String webhookId,
            @QueryParam("state") String state,
            @QueryParam("since") String since,
            @QueryParam("until") String until) {
        auth.realm().requireViewEvents();
        return WebhooksResource.answer(() -> {
            Paging paging = Paging.parse(page, perPage);
            DeliveryFilter filter = EventFilters.parse(webhookId, state, since, until);
            int max = maxAttempts();
            DeliveryHistory outbox = history();
            List<DeliveryView> data = outbox.list(realm.getId(), filter, paging.first(), paging.perPage()).stream()
                    .map(d -> DeliveryView.of(d, max, null))
                    .toList();
            return Response.ok(new Page<>(data, paging.page(), paging.perPage(), outbox.count(realm.getId(), filter)))
                    .build();
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        auth.realm().requireViewEvents();
        return WebhooksResource.answer(() -> {
            DeliveryHistory outbox = history();
            Delivery delivery = found(outbox.find(realm.getId(), id));
            return Response.ok(DeliveryView.of(delivery, maxAttempts(), payload(outbox.payload(realm.getId(), id))))
                    .build();
        });
    }

    @POST
    @Path("{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retry(@PathParam("id") String id) {
        auth.realm().requireManageEvents();
        return WebhooksResource.answer(() -> {
            Delivery retried = change(
                    id,
                    DeliveryHistory::retry,
                    "only retryable, discarded, cancelled or completed webhook events can be retried");
            Runtimes.kickAfterCommit(session);
            return Response.accepted(DeliveryView.of(retried, maxAttempts(), null))
                    .build();
        });
    }

    @POST
    @Path("{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") String id) {
        auth.realm().requireManageEvents();
        return WebhooksResource.answer(() -> {
            Delivery cancelled =
                    change(id, DeliveryHistory::cancel, "only available or retryable webhook events can be cancelled");
            return Response.ok(DeliveryView.of(cancelled, maxAttempts(), null)).build();
        });
    }

    /** {@code {"event_code": "user.login.success", "send": false}}. */
    @POST
    @Path("trigger-test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response triggerTest(InputStream body) {
        auth.realm().requireManageEvents();
        return WebhooksResource.answer(() -> {
            JsonNode request = JsonBody.object(BoundedBody.read(body, BoundedBody.MAX_BYTES));
            JsonNode codeNode = request.get("event_code");
            String code = codeNode == null || !codeNode.isTextual() ? null : codeNode.asText();
            if (!EventCodes.isCode(code)) {
                throw ApiException.badRequest("event_code must be a concrete event code such as user.login.success");
            }
            JsonNode sendNode = request.get("send");
            if (sendNode != null && !sendNode.isBoolean()) {
                throw ApiException.badRequest("send must be true or false");
            }
            boolean send = sendNode != null && sendNode.asBoolean();
            WebhookRuntime runtime = Runtimes.of(session);
            ObjectNode payload = WebhookPayloads.sample(
                    code, realm.getId(), realm.getName(), OrganizationContext.of(realm), System.currentTimeMillis());
            DeliveryBody bodies = new DeliveryBody(payload);

            ObjectNode answer = JSON.createObjectNode();
            answer.put("event_code", code);
            answer.set("payload", payload);
            ArrayNode would = answer.putArray("would_trigger");
            ArrayNode wouldNot = answer.putArray("would_not_trigger");
            ArrayNode enqueued = answer.putArray("enqueued");
            WebhookStore webhooks = new WebhookStore(session, runtime.cipher());
            OutboxStore outbox = new OutboxStore(session);
            long now = System.currentTimeMillis();
            for (Webhook w : webhooks.list(realm.getId(), 0, 1000)) {
                ObjectNode item = JSON.createObjectNode().put("id", w.id()).put("name", w.name());
                if (!w.active()) {
                    wouldNot.add(item.put("reason", "inactive"));
                } else if (!w.subscribesTo(code)) {
                    wouldNot.add(item.put("reason", "event_codes"));
                } else {
                    would.add(item);
                    if (send) {
                        String id = OutboxStore.newMessageId();
                        String stored = new String(bodies.bytes(w.format(), id), StandardCharsets.UTF_8);
                        outbox.enqueue(realm.getId(), w.id(), code, id, stored, w.format(), now);
                        enqueued.add(id);
                    }
                }
            }
            if (send && !enqueued.isEmpty()) {
                Runtimes.kickAfterCommit(session);
            }
            return Response.ok(answer).build();
        });
    }

    private static JsonNode payload(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(stored);
        }
    }

    private int maxAttempts() {
        return Runtimes.of(session).settings().retrySchedule().maxAttempts();
    }

    /**
     * Moves a delivery of this realm to another state: 404 when the realm has no such delivery, 409 when its state
     * does not allow the move; returns the delivery as it is after the move.
     */
    private Delivery change(String id, StateChange change, String conflict) {
        DeliveryHistory outbox = history();
        found(outbox.find(realm.getId(), id));
        if (!change.apply(outbox, realm.getId(), id, System.currentTimeMillis())) {
            throw ApiException.conflict(conflict);
        }
        return outbox.reload(realm.getId(), id);
    }

    /** {@link DeliveryHistory#retry} or {@link DeliveryHistory#cancel}: false when the delivery's state does not allow it. */
    @FunctionalInterface
    private interface StateChange {
        boolean apply(DeliveryHistory outbox, String realmId, String id, long now);
    }

    private DeliveryHistory history() {
        return new DeliveryHistory(session);
    }

    private static Delivery found(Delivery delivery) {
        if (delivery == null) {
            throw ApiException.notFound("webhook event");
        }
        return delivery;
    }
}
