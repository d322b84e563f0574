package io.github.b2bpack.sms.admin;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.credential.RecoveryCodesCredential;
import io.github.b2bpack.sms.credential.SmsOtpCredential;
import io.github.b2bpack.sms.enrollment.EnrollmentState;
import io.github.b2bpack.sms.event.SmsEvents;
import io.github.b2bpack.sms.phone.PhoneNumbers;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/sms-otp}: an administrator with {@code manage-users} reads a user's
 * SMS factor (masked), force-enrolls them (Cryptr's force_enroll: resets the self re-enrollment cap
 * and requires a new enrollment) or removes the factor.
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
        body.put(
                "enrollmentRequired",
                user.getRequiredActionsStream().anyMatch(SmsProviderIds.CONFIGURE_SMS_OTP::equals));
        return Response.ok(body).build();
    }

    @POST
    @Path("users/{id}/force-enroll")
    @Produces(MediaType.APPLICATION_JSON)
    public Response forceEnroll(@PathParam("id") String id) {
        UserModel user = user(id);
        if (user == null) {
            return notFound();
        }
        removeFactor(user);
        EnrollmentState.resetEnrollments(user);
        user.addRequiredAction(SmsProviderIds.CONFIGURE_SMS_OTP);
        adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .detail(SmsEvents.DETAIL, SmsEvents.FORCE_ENROLLED)
                .success();
        userEvent(user, EventType.UPDATE_CREDENTIAL, SmsEvents.FORCE_ENROLLED);
        return Response.noContent().build();
    }

    @DELETE
    @Path("users/{id}")
    public Response remove(@PathParam("id") String id) {
        UserModel user = user(id);
        if (user == null) {
            return notFound();
        }
        removeFactor(user);
        user.removeRequiredAction(SmsProviderIds.CONFIGURE_SMS_OTP);
        adminEvent
                .operation(OperationType.DELETE)
                .resourcePath(session.getContext().getUri())
                .detail(SmsEvents.DETAIL, SmsEvents.REMOVED)
                .success();
        userEvent(user, EventType.REMOVE_CREDENTIAL, SmsEvents.REMOVED);
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

    private static void removeFactor(UserModel user) {
        for (String type : new String[] {SmsOtpCredential.TYPE, RecoveryCodesCredential.TYPE}) {
            user.credentialManager()
                    .getStoredCredentialsByTypeStream(type)
                    .toList()
                    .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        }
    }

    private void userEvent(UserModel user, EventType type, String action) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .user(user)
                .detail(SmsEvents.DETAIL, action)
                .detail("credential_type", SmsOtpCredential.TYPE)
                .success();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "user_not_found", "error_description", "No such user in this realm"))
                .build();
    }
}
