package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.connection.TotpMethod;
import io.github.b2bpack.org.connection.TotpSettings;
import io.github.b2bpack.org.flows.BrowserFlowSteps;
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
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/master/orgs/{domain}/totp-connection}: Cryptr's TOTP Connection, read from and written to the
 * environment realm through totp-sms-authenticator's published contract (docs/totp-sms-authenticator.md, "Choosing
 * the method"): {@code active} is the requirement of the browser flow's second-factor sub-flow (CONDITIONAL or
 * DISABLED), {@code method} the realm attribute {@code b2bpack.otp.methods} (what users enroll in; a user keeps
 * signing in with the factor they hold), the SMS expiry {@code sms-otp-form}'s {@code codeTtlSeconds}, the app's the
 * realm's OTP policy period.
 */
public final class TotpConnectionResource {

    static final String PATH = "totp-connection";
    static final String SMS_STEP = "sms-otp-form";
    static final Set<String> SMS_STEPS = Set.of(SMS_STEP);
    /** totp-sms-authenticator's app step; realms made before it check Keycloak's {@code auth-otp-form} instead. */
    static final String APP_STEP = "app-otp-form";

    static final String KEYCLOAK_APP_STEP = "auth-otp-form";
    static final Set<String> SECOND_FACTOR_STEPS = Set.of(SMS_STEP, APP_STEP, KEYCLOAK_APP_STEP);
    static final String SMS_TTL = "codeTtlSeconds";
    /** {@code sms-otp-form}'s default code lifetime, used when its configuration does not set one. */
    static final int SMS_TTL_DEFAULT = 600;

    private final ConnectionAccess access;

    TotpConnectionResource(
            KeycloakSession session,
            AdminPermissionEvaluator masterAuth,
            OrganizationManager organizations,
            Organization org) {
        this.access = new ConnectionAccess(session, masterAuth, organizations, org);
    }

    /** Cryptr's shape, with b2bpack's per-method expiries. */
    @JsonPropertyOrder({
        "__type__",
        "__domain__",
        "__environment__",
        "active",
        "method",
        "expiry_in_seconds",
        "sms_expiry_in_seconds",
        "totp_mobile_app_expiry_in_seconds"
    })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Representation(
            @JsonProperty("__type__") String type,
            @JsonProperty("__domain__") String domain,
            @JsonProperty("__environment__") String environment,
            @JsonProperty("active") boolean active,
            @JsonProperty("method") String method,
            @JsonProperty("expiry_in_seconds") Integer expiry,
            @JsonProperty("sms_expiry_in_seconds") Integer smsExpiry,

            @JsonProperty("totp_mobile_app_expiry_in_seconds")
            Integer appExpiry) {}

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
        TotpSettings current = read(realm);
        TotpSettings wanted = ApiErrors.guarded(() -> current.changedBy(body));
        BrowserFlowSteps flow = BrowserFlowSteps.of(realm);
        Set<String> appSteps = flow.running(Set.of(APP_STEP)).isEmpty() ? Set.of(KEYCLOAK_APP_STEP) : Set.of(APP_STEP);
        var onSwitches = flow.switches(union(SMS_STEPS, appSteps));
        // Every check before the first change.
        if (wanted.active() && !current.active() && onSwitches.isEmpty()) {
            throw ConnectionAccess.unavailable(
                    "method_unavailable", "the realm's browser flow has no second-factor step it can switch on");
        }
        if (wanted.method() != current.method()) {
            if (wanted.method().usesSms() && flow.running(SMS_STEPS).isEmpty()
                    || wanted.method().usesApp() && flow.running(appSteps).isEmpty()) {
                throw ConnectionAccess.unavailable(
                        "method_unavailable",
                        "the realm's browser flow does not check "
                                + wanted.method().id() + " codes: users would enroll in a factor nobody asks for");
            }
        }
        if (wanted.smsExpiry() != current.smsExpiry() && flow.running(SMS_STEPS).isEmpty()) {
            throw ConnectionAccess.unavailable("method_unavailable", "the realm's browser flow has no SMS step");
        }
        if (wanted.active() != current.active()) {
            flow.turn(wanted.active() ? onSwitches : flow.switches(SECOND_FACTOR_STEPS), wanted.active());
        }
        if (wanted.method() != current.method()) {
            realm.setAttribute(TotpMethod.REALM_ATTRIBUTE, wanted.method().attribute());
        }
        if (wanted.smsExpiry() != current.smsExpiry()) {
            flow.putConfig(SMS_STEP, SMS_TTL, String.valueOf(wanted.smsExpiry()));
        }
        if (wanted.appExpiry() != current.appExpiry()) {
            OTPPolicy policy = realm.getOTPPolicy();
            policy.setPeriod(wanted.appExpiry());
            realm.setOTPPolicy(policy);
        }
        Representation rep = representation(env, read(realm));
        access.changed(realm, PATH, rep);
        return rep;
    }

    static TotpSettings read(RealmModel realm) {
        BrowserFlowSteps flow = BrowserFlowSteps.of(realm);
        return new TotpSettings(
                flow.runsAny(SECOND_FACTOR_STEPS),
                TotpMethod.ofAttribute(realm.getAttribute(TotpMethod.REALM_ATTRIBUTE)),
                smsTtl(flow.firstConfig(SMS_STEP).get(SMS_TTL)),
                realm.getOTPPolicy().getPeriod());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The configured lifetime; the authenticator's default when unset (an unreadable value is read as unset). */
    private static int smsTtl(String configured) {
        if (configured == null || configured.isBlank()) {
            return SMS_TTL_DEFAULT;
        }
        try {
            return Integer.parseInt(configured.strip());
        } catch (NumberFormatException e) {
            return SMS_TTL_DEFAULT;
        }
    }

    private Representation representation(Environment env, TotpSettings settings) {
        return new Representation(
                "TotpConnection",
                access.org().slug(),
                env.id(),
                settings.active(),
                settings.method().id(),
                settings.expiry(),
                settings.smsExpiry(),
                settings.appExpiry());
    }
}
