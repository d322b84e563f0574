package io.github.b2bpack.sms.admin;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.credential.SmsOtpCredential;
import io.github.b2bpack.sms.enrollment.EnrollmentState;
import io.github.b2bpack.sms.enrollment.MethodRouting;
import io.github.b2bpack.sms.event.SmsEvents;
import io.github.b2bpack.sms.method.OtpMethod;
import io.github.b2bpack.sms.method.OtpMethods;
import io.github.b2bpack.sms.phone.PhoneNumbers;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/sms-otp}: an administrator with {@code manage-users} reads a user's
 * second factors (masked number, methods held), force-enrolls them in a method (Cryptr's force_enroll:
 * resets the self re-enrollment cap and requires a new enrollment) or removes one; the realm's offered
 * methods are read and set under {@code methods}.
 */
public final class SmsOtpAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SmsOtpAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
    }

    @GET
    @Path("users/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("id") String id) {
        UserModel user = user(id);
        if (user == null) {
            return notFound();
        }
        String phone = user.credentialManager()
                .getStoredCredentialsByTypeStream(SmsOtpCredential.TYPE)
                .map(SmsOtpCredential::phone)
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
        CredentialModel recovery = user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryCodesCredential.TYPE)
                .findFirst()
                .orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enrolled", phone != null);
        body.put("maskedPhone", phone == null ? null : PhoneNumbers.mask(phone));
        body.put("enrollmentCount", EnrollmentState.enrollments(user));
        body.put("recoveryCodesLeft", recovery == null ? 0 : RecoveryCodesCredential.remaining(recovery));
        body.put("lastRecoveryUse", EnrollmentState.lastRecoveryAt(user));
        boolean app = has(user, OTPCredentialModel.TYPE);
        List<String> methods = new ArrayList<>();
        if (has(user, SmsOtpCredential.TYPE)) {
            methods.add(OtpMethod.SMS.id());
        }
        if (app) {
            methods.add(OtpMethod.APP.id());
        }
        body.put("appEnrolled", app);
        body.put("methods", methods);
        body.put(
                "enrollmentRequired",
                user.getRequiredActionsStream()
                        .anyMatch(a -> SmsProviderIds.CONFIGURE_SMS_OTP.equals(a)
                                || SmsProviderIds.CONFIGURE_APP_OTP.equals(a)));
        return Response.ok(body).build();
    }

    @POST
    @Path("users/{id}/force-enroll")
    @Produces(MediaType.APPLICATION_JSON)
    public Response forceEnroll(@PathParam("id") String id, @QueryParam("method") String methodParam) {
        UserModel user = user(id);
        if (user == null) {
            return notFound();
        }
        OtpMethod method = method(methodParam);
        if (method == null) {
            return badMethod();
        }
        removeFactor(user, method);
        removeRecoveryCodes(user);
        EnrollmentState.resetEnrollments(user);
        user.addRequiredAction(MethodRouting.requiredAction(method));
        adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .detail(SmsEvents.DETAIL, SmsEvents.FORCE_ENROLLED)
                .detail("method", method.id())
                .success();
        userEvent(user, EventType.UPDATE_CREDENTIAL, SmsEvents.FORCE_ENROLLED, method);
        return Response.noContent().build();
    }

    @DELETE
    @Path("users/{id}")
    public Response remove(@PathParam("id") String id, @QueryParam("method") String methodParam) {
        UserModel user = user(id);
        if (user == null) {
            return notFound();
        }
        OtpMethod method = method(methodParam);
        if (method == null) {
            return badMethod();
        }
        removeFactor(user, method);
        if (!has(user, SmsOtpCredential.TYPE) && !has(user, OTPCredentialModel.TYPE)) {
            removeRecoveryCodes(user); // codes stand in for a factor: none left, none kept
        }
        user.removeRequiredAction(MethodRouting.requiredAction(method));
        adminEvent
                .operation(OperationType.DELETE)
                .resourcePath(session.getContext().getUri())
                .detail(SmsEvents.DETAIL, SmsEvents.REMOVED)
                .detail("method", method.id())
                .success();
        userEvent(user, EventType.REMOVE_CREDENTIAL, SmsEvents.REMOVED, method);
        return Response.noContent().build();
    }

    private UserModel user(String id) {
        auth.users().requireManage();
        if (id == null || id.length() > 64) {
            return null;
        }
        UserModel user = session.users().getUserById(realm, id);
        if (user != null) {
            auth.users().requireManage(user);
        }
        return user;
    }

    /**
     * The realm's methods ({@value OtpMethods#ATTRIBUTE}): {@code {"methods":"sms,app"}}. Reading needs
     * view-realm, changing manage-realm (it decides what users enroll).
     */
    @GET
    @Path("methods")
    @Produces(MediaType.APPLICATION_JSON)
    public Response methods() {
        auth.realm().requireViewRealm();
        return Response.ok(Map.of("methods", MethodRouting.methods(realm).value()))
                .build();
    }

    @PUT
    @Path("methods")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setMethods(Map<String, Object> body) {
        auth.realm().requireManageRealm();
        Object raw = body == null ? null : body.get("methods");
        if (!(raw instanceof String value) || !OtpMethods.isValid(value)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of(
                            "error", "invalid_methods", "error_description", "methods must be sms, app or sms,app"))
                    .build();
        }
        String canonical = OtpMethods.parse(value).value();
        realm.setAttribute(OtpMethods.ATTRIBUTE, canonical);
        adminEvent
                .resource(ResourceType.REALM)
                .operation(OperationType.UPDATE)
                .resourcePath(session.getContext().getUri())
                .detail(SmsEvents.DETAIL, "otp.methods_changed")
                .detail("methods", canonical)
                .success();
        return Response.ok(Map.of("methods", canonical)).build();
    }

    /** {@code sms} when absent (the resource's meaning before the app method), null when unknown. */
    private static OtpMethod method(String raw) {
        return raw == null || raw.isEmpty() ? OtpMethod.SMS : OtpMethod.byId(raw);
    }

    private static Response badMethod() {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "invalid_method", "error_description", "method must be sms or app"))
                .build();
    }

    private static boolean has(UserModel user, String type) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(type)
                .findAny()
                .isPresent();
    }

    private static void removeFactor(UserModel user, OtpMethod method) {
        removeAll(user, method == OtpMethod.APP ? OTPCredentialModel.TYPE : SmsOtpCredential.TYPE);
    }

    private static void removeRecoveryCodes(UserModel user) {
        removeAll(user, RecoveryCodesCredential.TYPE);
    }

    private static void removeAll(UserModel user, String type) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(type)
                .toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    }

    private void userEvent(UserModel user, EventType type, String action, OtpMethod method) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .user(user)
                .detail(SmsEvents.DETAIL, action)
                .detail("credential_type", method == OtpMethod.APP ? OTPCredentialModel.TYPE : SmsOtpCredential.TYPE)
                .detail("method", method.id())
                .success();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "user_not_found", "error_description", "No such user in this realm"))
                .build();
    }
}
