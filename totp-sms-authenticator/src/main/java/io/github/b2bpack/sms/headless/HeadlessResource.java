package io.github.b2bpack.sms.headless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2bpack.sms.headless.secret.RequestParams;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/b2bpack-headless}: Cryptr's headless paths, each answered by {@link TotpHeadless}
 * or {@link PasswordHeadless} once the caller is checked ({@link HeadlessCaller}) and the body read (form fields as
 * in Cryptr's examples, or a JSON object).
 */
public final class HeadlessResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final int passwordCodeTtl;

    HeadlessResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, int passwordCodeTtl) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.passwordCodeTtl = passwordCodeTtl;
    }

    @POST
    @Path("totp-enrollment/{user_id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(
            @PathParam("user_id") String userId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return totp(type, body, (t, p) -> t.enroll(userId, p));
    }

    @PUT
    @Path("totp-enrollment/validation/{user_id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response validateEnrollment(
            @PathParam("user_id") String userId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return totp(type, body, (t, p) -> t.validateEnrollment(userId, p));
    }

    @POST
    @Path("totp-challenge/{user_id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge(
            @PathParam("user_id") String userId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return totp(type, body, (t, p) -> t.challenge(userId, p));
    }

    @PUT
    @Path("totp-challenge/validation/{user_id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response validateChallenge(
            @PathParam("user_id") String userId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return totp(type, body, (t, p) -> t.validateChallenge(userId, p));
    }

    @POST
    @Path("password-challenge")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response passwordChallenge(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return password(type, body, PasswordHeadless::challenge);
    }

    @POST
    @Path("password-request")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response passwordRequest(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return password(type, body, PasswordHeadless::request);
    }

    @POST
    @Path("renew-password")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response renewPassword(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return password(type, body, PasswordHeadless::renew);
    }

    private Response totp(String type, String body, BiFunction<TotpHeadless, RequestParams, Response> call) {
        return handle(type, body, (client, params) -> call.apply(new TotpHeadless(context(client, params)), params));
    }

    private Response password(String type, String body, BiFunction<PasswordHeadless, RequestParams, Response> call) {
        return handle(
                type,
                body,
                (client, params) -> call.apply(new PasswordHeadless(context(client, params), passwordCodeTtl), params));
    }

    private Response handle(String type, String body, BiFunction<ClientModel, RequestParams, Response> call) {
        ClientModel client = HeadlessCaller.client(auth.adminAuth(), realm);
        if (client == null) {
            return Replies.forbidden();
        }
        RequestParams params;
        try {
            params = params(type, body);
        } catch (IllegalArgumentException e) {
            return Replies.badRequest(e.getMessage());
        }
        try {
            return call.apply(client, params);
        } catch (IllegalArgumentException e) {
            return Replies.badRequest(e.getMessage());
        }
    }

    private HeadlessContext context(ClientModel client, RequestParams params) {
        return HeadlessContext.of(session, realm, client, params);
    }

    static RequestParams params(String type, String body) {
        if (body != null && body.length() > RequestParams.MAX_BODY) {
            throw new IllegalArgumentException("body longer than " + RequestParams.MAX_BODY + " characters");
        }
        if (type != null
                && type.toLowerCase().startsWith(MediaType.APPLICATION_JSON)
                && body != null
                && !body.isBlank()) {
            return RequestParams.of(jsonObject(body));
        }
        return RequestParams.form(body);
    }

    private static Map<String, String> jsonObject(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().asText());
            } else if (!e.getValue().isNull()) {
                throw new IllegalArgumentException(e.getKey() + " must be a string, number or boolean");
            }
        }
        return values;
    }
}
