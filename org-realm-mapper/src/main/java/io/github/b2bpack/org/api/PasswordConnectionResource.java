package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.connection.PasswordSettings;
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
import java.util.Objects;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{domain}/password-connection}: Cryptr's Password Connection, read from and written
 * to the environment realm itself. The lengths, the zxcvbn score and the breach threshold are the realm password
 * policy's {@code length}, {@code maxLength}, {@code zxcvbn} and {@code hibp} entries; {@code active} is whether the
 * realm's browser flow asks for a password ({@code auth-username-password-form} or {@code auth-password-form}).
 */
public final class PasswordConnectionResource {

    static final String PATH = "password-connection";
    static final Set<String> PASSWORD_STEPS = Set.of("auth-username-password-form", "auth-password-form");

    static final String LENGTH = "length";
    static final String MAX_LENGTH = "maxLength";
    static final String ZXCVBN = "zxcvbn";
    static final String HIBP = "hibp";

    private final KeycloakSession session;
    private final ConnectionAccess access;

    PasswordConnectionResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.session = session;
        this.access = new ConnectionAccess(session, masterAuth, organizations, org);
    }

    /** Cryptr's shape, with b2bpack's {@code zxcvbn_min_score} and {@code hibp_threshold}. */
    @JsonPropertyOrder({
        "__type__",
        "__domain__",
        "__environment__",
        "active",
        "plain_text_min_length",
        "plain_text_max_length",
        "pepper_rotation_period",
        "zxcvbn_min_score",
        "hibp_threshold"
    })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Representation(
            @JsonProperty("__type__") String type,
            @JsonProperty("__domain__") String domain,
            @JsonProperty("__environment__") String environment,
            @JsonProperty("active") boolean active,
            @JsonProperty("plain_text_min_length") Integer minLength,
            @JsonProperty("plain_text_max_length") Integer maxLength,
            @JsonProperty("pepper_rotation_period") Integer pepperRotationPeriod,
            @JsonProperty("zxcvbn_min_score") Integer zxcvbnMinScore,
            @JsonProperty("hibp_threshold") Integer hibpThreshold) {}

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
        PasswordSettings current = read(realm);
        PasswordSettings wanted = ApiErrors.guarded(() -> current.changedBy(body));
        BrowserFlowSteps flow = BrowserFlowSteps.of(realm);
        var switches = flow.switches(PASSWORD_STEPS);
        if (wanted.active() && !current.active() && switches.isEmpty()) {
            throw ConnectionAccess.unavailable(
                    "password_step_unavailable",
                    "the realm's browser flow has no password step outside a disabled sub-flow");
        }
        if (!wanted.active() && current.active() && FirstFactors.wouldLeaveUsernameAlone(flow, PASSWORD_STEPS)) {
            throw ConnectionAccess.unavailable(
                    "no_other_first_factor",
                    "without the password step this browser flow would sign people in by their username alone (an"
                            + " identity-first username form and no other credential step); add a first factor such"
                            + " as the magic link first");
        }
        // Every check is done (the policy is built, and so validated by its providers) before the realm changes.
        PasswordPolicy policy = policy(realm, current, wanted);
        if (policy != null) {
            realm.setPasswordPolicy(policy);
        }
        if (wanted.active() != current.active()) {
            flow.turn(switches, wanted.active());
        }
        Representation rep = representation(env, read(realm));
        access.changed(realm, PATH, rep);
        return rep;
    }

    /** The realm's policy with the changed entries, or null when no entry changes. */
    private PasswordPolicy policy(RealmModel realm, PasswordSettings current, PasswordSettings wanted) {
        PasswordPolicy.Builder builder = realm.getPasswordPolicy().toBuilder();
        boolean changed = entry(builder, LENGTH, current.minLength(), wanted.minLength());
        changed |= entry(builder, MAX_LENGTH, current.maxLength(), wanted.maxLength());
        changed |= entry(builder, ZXCVBN, current.zxcvbnMinScore(), wanted.zxcvbnMinScore());
        changed |= entry(builder, HIBP, current.hibpThreshold(), wanted.hibpThreshold());
        if (!changed) {
            return null;
        }
        try {
            return builder.build(session);
        } catch (ModelException e) {
            // A policy provider that is not installed, or one refusing the value: the provider's own reason.
            throw ApiErrors.badRequest("invalid_password_policy", e.getMessage());
        }
    }

    private static boolean entry(PasswordPolicy.Builder builder, String id, Integer current, Integer wanted) {
        if (Objects.equals(current, wanted)) {
            return false;
        }
        if (wanted == null) {
            builder.remove(id);
        } else {
            builder.put(id, String.valueOf(wanted));
        }
        return true;
    }

    static PasswordSettings read(RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        return new PasswordSettings(
                BrowserFlowSteps.of(realm).runsAny(PASSWORD_STEPS),
                number(policy, LENGTH),
                number(policy, MAX_LENGTH),
                number(policy, ZXCVBN),
                number(policy, HIBP));
    }

    /** The parsed value of a policy entry (what its provider enforces), or null when the policy has none. */
    private static Integer number(PasswordPolicy policy, String id) {
        if (!policy.getPolicies().contains(id)) {
            return null;
        }
        Object value = policy.getPolicyConfig(id);
        return value instanceof Number n ? n.intValue() : null;
    }

    private Representation representation(Environment env, PasswordSettings settings) {
        return new Representation(
                "PasswordConnection",
                access.org().slug(),
                env.id(),
                settings.active(),
                settings.minLength(),
                settings.maxLength(),
                null,
                settings.zxcvbnMinScore(),
                settings.hibpThreshold());
    }
}
