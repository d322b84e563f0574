package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.challenge.SmsOtpSettings;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.ArrayList;
import java.util.List;

/** {@code sms-otp-form} ("SMS one-time code"). */
public final class SmsOtpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "sms-otp-form";

    /** Keycloak 26.6+ brute-force protection only counts failures of these categories; {@code otp} is one. */
    public static final String REFERENCE_CATEGORY = "otp";

    private List<ProviderConfigProperty> configProperties = List.of();

    @Override
    public Authenticator create(KeycloakSession session) {
        return new SmsOtpAuthenticator();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        List<String> senders = new ArrayList<>();
        factory.getProviderFactoriesStream(SmsSenderProvider.class).forEach(f -> senders.add(f.getId()));
        senders.sort(null);
        configProperties = ProviderConfigurationBuilder.create()
                .property().name(SmsOtpSettings.SENDER).label("SMS sender").type(ProviderConfigProperty.LIST_TYPE)
                .options(senders)
                .helpText("Gateway of the sms-sender SPI: http (generic JSON + HMAC), twilio, or log. "
                        + "log is for development only: it writes the code to the server log. Gateway credentials are SPI options.").add()
                .property().name(SmsOtpSettings.CODE_LENGTH).label("Code length").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("6").helpText("Digits per code, 6 to 8.").add()
                .property().name(SmsOtpSettings.CODE_TTL).label("Code lifetime (seconds)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("600").helpText("How long a texted code stays valid, 30 to 900 seconds.").add()
                .property().name(SmsOtpSettings.RESEND_COOLDOWN).label("Resend cooldown (seconds)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("30").helpText("Minimum wait between two SMS to the same user, 0 to 600 seconds.").add()
                .property().name(SmsOtpSettings.USER_CAP).label("SMS per user per hour").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("5").helpText("Most SMS one user can trigger in a sliding hour (1 to 100).").add()
                .property().name(SmsOtpSettings.IP_CAP).label("SMS per IP address per hour").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("20").helpText("Most SMS one client IP address can trigger in a sliding hour (1 to 10000).").add()
                .property().name(SmsOtpSettings.DEFAULT_REGION).label("Default region").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("ISO 3166 region (e.g. FR) for numbers typed without a country code.").add()
                .property().name(SmsOtpSettings.ALLOWED_COUNTRIES).label("Allowed countries").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated ISO 3166 regions whose numbers may enroll (e.g. FR,DE,BE); empty allows all. "
                        + "Premium-rate, shared-cost and toll-free numbers are always refused.").add()
                .property().name(SmsOtpSettings.WEB_OTP_HOST).label("WebOTP host").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Host name of the login pages (e.g. login.example.com): adds the WebOTP line '@host #code' to the SMS "
                        + "so browsers can fill the code in.").add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "SMS one-time code";
    }

    @Override
    public String getReferenceCategory() {
        return REFERENCE_CATEGORY;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    @Override
    public String getHelpText() {
        return "Texts a one-time code to the user's verified phone (credential sms-otp), with resend cooldown, send caps, "
                + "3 attempts per code and recovery codes. Place it after the password step.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }
}
