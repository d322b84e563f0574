package io.github.b2bpack.sms.enrollment;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.method.OtpMethod;
import io.github.b2bpack.sms.method.OtpMethods;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Which enrollment a user gets, from the realm attribute {@value OtpMethods#ATTRIBUTE}: a pending
 * enrollment of a method the realm does not offer becomes one of the method it offers (so an admin, the
 * recovery rules or a connection can always say "enroll" without knowing the realm's choice), and when the
 * realm offers both the enrollment pages let the user switch.
 */
public final class MethodRouting {

    private static final Logger LOG = Logger.getLogger(MethodRouting.class);
    /** The page attribute naming the method the user may switch to (absent: no choice). */
    static final String SWITCH_ATTRIBUTE = "b2bpackOtpSwitch";

    static final String SWITCH_PARAM = "switchMethod";

    private MethodRouting() {}

    public static OtpMethods methods(RealmModel realm) {
        String raw = realm.getAttribute(OtpMethods.ATTRIBUTE);
        OtpMethods methods = OtpMethods.parse(raw);
        if (!methods.valid()) {
            LOG.warnf(
                    "realm %s: realm attribute %s is not sms, app or sms,app; offering sms",
                    realm.getName(), OtpMethods.ATTRIBUTE);
        }
        return methods;
    }

    public static String requiredAction(OtpMethod method) {
        return method == OtpMethod.APP ? SmsProviderIds.CONFIGURE_APP_OTP : SmsProviderIds.CONFIGURE_SMS_OTP;
    }

    static OtpMethod other(OtpMethod method) {
        return method == OtpMethod.APP ? OtpMethod.SMS : OtpMethod.APP;
    }

    /** Required-action trigger: swaps a pending enrollment of {@code self} for the offered method. */
    static void route(RequiredActionContext context, OtpMethod self) {
        UserModel user = context.getUser();
        String action = requiredAction(self);
        if (user.getRequiredActionsStream().noneMatch(action::equals)) {
            return;
        }
        OtpMethod target = methods(context.getRealm()).route(self);
        if (target != self) {
            user.removeRequiredAction(action);
            user.addRequiredAction(requiredAction(target));
        }
    }

    /**
     * The user asked for the other method (offered only when the realm offers both): requires it and ends
     * this action, so Keycloak runs the other one next.
     */
    static boolean switchRequested(RequiredActionContext context, OtpMethod self) {
        String wanted = context.getHttpRequest().getDecodedFormParameters().getFirst(SWITCH_PARAM);
        OtpMethod other = other(self);
        if (wanted == null
                || !other.id().equals(wanted)
                || !methods(context.getRealm()).userChooses()) {
            return false;
        }
        context.getUser().addRequiredAction(requiredAction(other));
        context.success();
        return true;
    }

    /** A form of this enrollment, with the switch to the other method when the realm offers both. */
    public static LoginFormsProvider form(RequiredActionContext context, OtpMethod self) {
        LoginFormsProvider form = context.form();
        if (methods(context.getRealm()).userChooses()) {
            form.setAttribute(SWITCH_ATTRIBUTE, other(self).id());
        }
        return form;
    }
}
