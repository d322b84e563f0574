package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.connection.MagicLinkSettings;
import io.github.b2bpack.org.flows.BrowserFlowSteps;
import io.github.b2bpack.org.flows.FirstFactors;
import io.github.b2bpack.org.lifecycle.OrganizationManager;
import io.github.b2bpack.org.model.Environment;
import io.github.b2bpack.org.model.Organization;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{domain}/magic-link-connection}: Cryptr's Magic Link Connection, read from and
 * written to the environment realm: {@code active} is whether the browser flow's magic-link step runs, the expiry its
 * authenticator configuration's link lifetime (magic-link-authenticator's published id {@code b2bpack-magic-link} and
 * key {@code ttlSeconds}).
 */
public final class MagicLinkConnectionResource {

    static final String PATH = "magic-link-connection";
    static final String STEP = "b2bpack-magic-link";
    static final Set<String> STEPS = Set.of(STEP);
    static final String TTL = "ttlSeconds";
    /** The authenticator's default link lifetime (15 minutes), used when its configuration does not set one. */
    static final int TTL_DEFAULT = 900;

    private final ConnectionAccess access;

    MagicLinkConnectionResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.access = new ConnectionAccess(session, masterAuth, organizations, org);
    }

    /** Cryptr's shape, with b2bpack's {@code expiry_in_seconds}. */
    @JsonPropertyOrder({
        "__type__",
        "__domain__",
        "__environment__",
        "active",
        "expiry_in_seconds",
        "find_or_create_user",
        "sign_in_template_id"
    })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Representation(
            @JsonProperty("__type__") String type,
            @JsonProperty("__domain__") String domain,
            @JsonProperty("__environment__") String environment,
            @JsonProperty("active") boolean active,
            @JsonProperty("expiry_in_seconds") int expiry,
            @JsonProperty("find_or_create_user") boolean findOrCreateUser,
            @JsonProperty("sign_in_template_id") String signInTemplateId) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Representation get(@QueryParam("environment") String environment) {
        Environment env = ConnectionAccess.environment(environment);
        return representation(env, read(access.readable(env)));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@QueryParam("environment") String environment, String body) {
        return ConnectionAccess.answer(true, change(environment, body));
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@QueryParam("environment") String environment, String body) {
        return ConnectionAccess.answer(false, change(environment, body));
    }

    private Representation change(String environment, String body) {
        Environment env = ConnectionAccess.environment(environment);
        RealmModel realm = access.changeable(env);
        MagicLinkSettings current = read(realm);
        MagicLinkSettings wanted = ApiErrors.guarded(() -> current.changedBy(body));
        BrowserFlowSteps flow = BrowserFlowSteps.of(realm);
        var switches = flow.switches(STEPS);
        boolean noStep = flow.running(STEPS).isEmpty();
        if ((wanted.active() && !current.active() && switches.isEmpty())
                || (wanted.expiry() != current.expiry() && noStep)) {
            throw ConnectionAccess.unavailable(
                    "magic_link_unavailable",
                    "the realm's browser flow has no magic-link step (" + STEP + ") it can switch on");
        }
        if (!wanted.active() && current.active() && FirstFactors.wouldLeaveUsernameAlone(flow, STEPS)) {
            throw ConnectionAccess.unavailable(
                    "no_other_first_factor",
                    "without the magic-link step this browser flow would sign people in by their username alone (an"
                            + " identity-first username form and no other credential step); switch the password on"
                            + " first");
        }
        if (wanted.active() != current.active()) {
            flow.turn(switches, wanted.active());
        }
        if (wanted.expiry() != current.expiry()) {
            flow.putConfig(STEP, TTL, String.valueOf(wanted.expiry()));
        }
        Representation rep = representation(env, read(realm));
        access.changed(realm, PATH, rep);
        return rep;
    }

    static MagicLinkSettings read(RealmModel realm) {
        BrowserFlowSteps flow = BrowserFlowSteps.of(realm);
        String configured = flow.firstConfig(STEP).get(TTL);
        int ttl = TTL_DEFAULT;
        if (configured != null && !configured.isBlank()) {
            try {
                ttl = Integer.parseInt(configured.strip());
            } catch (NumberFormatException e) {
                ttl = TTL_DEFAULT;
            }
        }
        return new MagicLinkSettings(flow.runsAny(STEPS), ttl);
    }

    private Representation representation(Environment env, MagicLinkSettings settings) {
        return new Representation(
                "MagicLinkConnection",
                access.org().slug(),
                env.id(),
                settings.active(),
                settings.expiry(),
                false,
                null);
    }
}
