package io.github.b2bpack.webhook.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.outbox.DeliveryHistory;
import io.github.b2bpack.webhook.recover.RecoverBounds;
import io.github.b2bpack.webhook.recover.RecoverProblem;
import io.github.b2bpack.webhook.recover.Timestamps;
import io.github.b2bpack.webhook.subscription.Webhook;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code POST /admin/realms/{realm}/webhooks/{id}/recover} {@code {"since": …}}: re-queues the webhook's
 * {@code discarded} deliveries created since then, within the server's {@link RecoverBounds}, for a receiver that was
 * down longer than the retry schedule. The caller's permission ({@code manage-events}) is checked by the resource.
 */
final class WebhookRecovery {

    /** The admin event's {@code b2bpack_event} detail. */
    static final String PACK_EVENT = "webhook.deliveries_recovered";

    private final KeycloakSession session;
    private final RealmModel realm;

    WebhookRecovery(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Response recover(String id, InputStream body, AdminEventBuilder adminEvent) {
        WebhookRuntime runtime = Runtimes.of(session);
        Webhook webhook = new WebhookStore(session, runtime.cipher()).find(realm.getId(), id);
        if (webhook == null) {
            throw ApiException.notFound("webhook");
        }
        Instant since = since(JsonBody.object(BoundedBody.read(body, BoundedBody.MAX_BYTES)));
        if (!webhook.active()) {
            // The claimer cancels the deliveries of an inactive webhook: recovering them now would lose them.
            throw ApiException.conflict(
                    "the webhook is inactive; re-enable it (PUT with \"active\": true), then recover");
        }
        long now = System.currentTimeMillis();
        RecoverBounds bounds = runtime.settings().recoverBounds();
        RecoverProblem problem = bounds.check(since, Instant.ofEpochMilli(now));
        if (problem != null) {
            throw new ApiException(400, problem.error(), problem.description());
        }
        DeliveryHistory.Recovered recovered =
                new DeliveryHistory(session).recover(realm.getId(), id, since.toEpochMilli(), bounds.maxCount(), now);
        adminEvent
                .clone(session)
                .operation(OperationType.ACTION)
                .resourcePath("webhooks", id)
                .representation(new RecoveryAudit(
                        PACK_EVENT,
                        WebhookAudit.of(webhook),
                        since.toString(),
                        recovered.queued(),
                        recovered.moreRemaining()))
                .detail("b2bpack_event", PACK_EVENT)
                .detail("since", since.toString())
                .detail("queued", Integer.toString(recovered.queued()))
                .detail("more_remaining", Boolean.toString(recovered.moreRemaining()))
                .success();
        if (recovered.queued() > 0) {
            Runtimes.kickAfterCommit(session);
        }
        return Response.accepted(new RecoverAnswer(
                        id, recovered.queued(), recovered.moreRemaining(), since.toString(), bounds.maxCount()))
                .build();
    }

    /** {@code {"since": "2026-12-07T10:00:00Z"}} or {@code {"since": 1796637600}}, nothing else. */
    private static Instant since(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"since".equals(name)) {
                throw ApiException.badRequest("unknown field " + quoted(name) + "; the body is {\"since\": …}");
            }
        }
        JsonNode node = body.get("since");
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("since is required: " + Timestamps.expected("since"));
        }
        String text = node.isTextual() ? node.asText() : node.isIntegralNumber() ? node.asText() : null;
        Instant since = Timestamps.parse(text);
        if (since == null) {
            throw ApiException.badRequest(Timestamps.expected("since"));
        }
        return since;
    }

    /** A field name in an error description, cut short: the client wrote it, and it may be anything. */
    private static String quoted(String name) {
        return "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'";
    }
}
