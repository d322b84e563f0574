package io.github.b2bpack.sms.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link SmsOtpAdminResource} under {@code /admin/realms/{realm}/sms-otp}. */
final class SmsOtpAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new SmsOtpAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {}
}
