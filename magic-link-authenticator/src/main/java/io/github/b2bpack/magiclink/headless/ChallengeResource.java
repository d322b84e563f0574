package io.github.b2bpack.magiclink.headless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.magiclink.authenticator.ExecutionSettings;
import io.github.b2bpack.magiclink.authenticator.MagicLinks;
import io.github.b2bpack.magiclink.authenticator.StoreSlots;
import io.github.b2bpack.magiclink.config.MagicLinkSettings;
import io.github.b2bpack.magiclink.limit.ClientSubject;
import io.github.b2bpack.magiclink.limit.SlotCap;
import io.github.b2bpack.magiclink.mail.MagicLinkMailer;
import io.github.b2bpack.magiclink.token.MagicLinkToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/magic-link-challenge}: Cryptr's headless magic-link challenge. The caller is an
 * administrator of the realm (or of master) allowed to manage its users — an organization's own API caller is a
 * service account of that organization's realm with {@code manage-users}; a token of another organization's realm
 * gets 403 from Keycloak before this class runs. It mails the link (the answer never holds it) and answers Cryptr's
 * {@code MagicLinkChallenge}; the person's browser then runs the standard authorization-code flow of
 * {@code client_id} to {@code redirect_uri}.
 */
public final class ChallengeResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    ChallengeResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** Whether the magic link is active for {@code client_id} (its browser flow has an enabled step) and its settings. */
    @GET
    @Path("connection")
    @Produces(MediaType.APPLICATION_JSON)
    public Response connection(@QueryParam("client_id") String clientId) {
        auth.users().requireView();
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null) {
            return error(Response.Status.NOT_FOUND, "client_not_found", "No such client_id in this realm");
        }
        Optional<MagicLinkSettings> settings = ExecutionSettings.active(realm, client);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", settings.isPresent());
        settings.ifPresent(s -> {
            body.put("ttlSeconds", s.ttlSeconds());
            body.put("bindToBrowser", s.bindToBrowser());
            body.put("find_or_create_user", false);
        });
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, String body) {
        auth.users().requireManage();
        Map<String, String> fields;
        try {
            fields = fields(headers.getMediaType(), body);
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
        }
        Object parsed = ChallengeRequest.parse(fields);
        if (parsed instanceof ChallengeRequest.Invalid invalid) {
            return error(Response.Status.BAD_REQUEST, invalid.error(), invalid.description());
        }
        ChallengeRequest request = (ChallengeRequest) parsed;
        ClientModel client = realm.getClientByClientId(request.clientId());
        if (client == null || !client.isEnabled() || client.isBearerOnly() || !client.isStandardFlowEnabled()) {
            return error(
                    Response.Status.BAD_REQUEST,
                    "invalid_client_id",
                    "client_id must be an enabled browser client of this realm");
        }
        String redirect = RedirectUtils.verifyRedirectUri(session, request.redirectUri(), client);
        if (redirect == null) {
            return error(
                    Response.Status.BAD_REQUEST,
                    "invalid_redirect_uri",
                    "redirect_uri is not registered for client_id");
        }
        Optional<MagicLinkSettings> active = ExecutionSettings.active(realm, client);
        if (active.isEmpty()) {
            return error(
                    Response.Status.CONFLICT,
                    "magic_link_connection_inactive",
                    "The client's browser flow has no enabled magic-link step (b2bpack-magic-link)");
        }
        MagicLinkSettings settings = active.get();
        UserModel user = user(request.email());
        if (user == null || !user.isEnabled()) {
            return error(Response.Status.NOT_FOUND, "user_not_found", "No enabled user has this email in this realm");
        }
        // The page's per-address limit, shared with it: the API cannot be used to mail-bomb a user either. No IP
        // limit: every request comes from the application's server.
        SlotCap addressCap =
                new SlotCap("address:" + realm.getId(), settings.addressLimit(), settings.addressWindowSeconds());
        if (addressCap.claim(new StoreSlots(session.singleUseObjects()), ClientSubject.address(request.email()))
                == null) {
            return error(
                    Response.Status.TOO_MANY_REQUESTS, "too_many_requests", "Too many links for this address; wait");
        }
        if (!MagicLinkMailer.canSend(realm)) {
            return error(Response.Status.CONFLICT, "smtp_not_configured", "The realm has no SMTP server");
        }
        Map<String, String> oidc = new HashMap<>(request.oidc());
        oidc.put("redirect_uri", redirect);
        MagicLinkToken token = MagicLinks.headlessToken(user, client.getClientId(), oidc, settings);
        String link = MagicLinks.url(session, realm, token, client.getClientId(), null, null);
        try {
            MagicLinkMailer.send(session, realm, user, null, link, settings.ttlSeconds());
        } catch (EmailException e) {
            return error(Response.Status.BAD_GATEWAY, "email_failed", "The email could not be rendered");
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.SEND_VERIFY_EMAIL)
                .client(client)
                .user(user)
                .detail("b2bpack_event", "magic_link.sent")
                .detail("headless", "true")
                .success();
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .entity(MagicLinkChallenge.of(realm.getName(), user.getEmail(), token.getId(), settings.ttlSeconds()))
                .build();
    }

    private UserModel user(String email) {
        try {
            return session.users().getUserByEmail(realm, email);
        } catch (ModelDuplicateException e) {
            return null;
        }
    }

    /** The request's fields, as Cryptr's curl sends them ({@code -d}, a form) or as JSON. */
    static Map<String, String> fields(MediaType type, String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The body is empty");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("The body is too large");
        }
        Map<String, String> fields = new HashMap<>();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalArgumentException("The body is not JSON");
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("The body must be a JSON object");
            }
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    fields.put(f.getKey(), f.getValue().asText());
                }
            });
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description))
                .build();
    }
}
