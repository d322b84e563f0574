package io.github.b2bpack.sms.authenticator;

import io.github.b2bpack.sms.SmsAuthenticatorFactory;
import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.budget.ServerCaps;
import io.github.b2bpack.sms.challenge.ServerCapsSource;
import io.github.b2bpack.sms.challenge.SmsOtpSettings;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** {@code sms-otp-form} ("SMS one-time code"). */
public final class SmsOtpAuthenticatorFactory extends SmsAuthenticatorFactory implements ServerCapsSource {

    /** Keycloak 26.6+ brute-force protection only counts failures of these categories; {@code otp} is one. */
    private static final String REFERENCE_CATEGORY = "otp";

    private List<ProviderConfigProperty> configProperties = List.of();
    private ServerCaps serverCaps = ServerCaps.DEFAULTS;

    public SmsOtpAuthenticatorFactory() {
        super(
                SmsProviderIds.SMS_OTP_FORM,
                "SMS one-time code",
                "Texts a one-time code to the user's verified phone (credential sms-otp), with resend cooldown, send caps, "
                        + "3 attempts per code and recovery codes. Place it after the password step.",
                REFERENCE_CATEGORY,
                true,
                REQUIREMENT_CHOICES);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new SmsOtpAuthenticator();
    }

    @Override
    public void init(Config.Scope config) {
        ServerCaps d = ServerCaps.DEFAULTS;
        serverCaps = new ServerCaps(
                config.getInt(ServerCaps.PER_NUMBER_OPTION, d.perNumberPerHour()),
                config.getInt(ServerCaps.PER_ENROLL_NUMBER_OPTION, d.perEnrollNumberPerHour()),
                config.getInt(ServerCaps.PER_REALM_OPTION, d.perRealmPerDay()),
                config.getInt(ServerCaps.PER_SERVER_OPTION, d.perServerPerHour()));
    }

    /** Server-wide SMS caps (SPI options); login and enrollment sends have separate per-number budgets. */
    @Override
    public ServerCaps serverCaps() {
        return serverCaps;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        ServerCaps d = ServerCaps.DEFAULTS;
        return ProviderConfigurationBuilder.create()
                .property()
                .name(ServerCaps.PER_NUMBER_OPTION)
                .type("int")
                .defaultValue(d.perNumberPerHour())
                .helpText("Most login-code SMS any destination number receives per sliding hour, across all realms "
                        + "(1-10000000). Against SMS pumping to numbers the attacker is paid for. Enrollment codes "
                        + "have their own budget, so they can never use up a number's login codes.")
                .add()
                .property()
                .name(ServerCaps.PER_ENROLL_NUMBER_OPTION)
                .type("int")
                .defaultValue(d.perEnrollNumberPerHour())
                .helpText("Most enrollment-code SMS any destination number receives per sliding hour, across all "
                        + "realms (1-10000000). Separate from the login budget: anyone enrolling can type any "
                        + "number, and must not be able to stop its owner's login codes.")
                .add()
                .property()
                .name(ServerCaps.PER_REALM_OPTION)
                .type("int")
                .defaultValue(d.perRealmPerDay())
                .helpText("Most SMS one realm sends per day (fixed UTC days, 1-10000000).")
                .add()
                .property()
                .name(ServerCaps.PER_SERVER_OPTION)
                .type("int")
                .defaultValue(d.perServerPerHour())
                .helpText("Most SMS the whole server (cluster) sends per hour (fixed clock hours, 1-10000000).")
                .add()
                .build();
    }

    /** The sender list of the configuration form names the senders deployed, known only once all factories are. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        List<String> senders = new ArrayList<>();
        factory.getProviderFactoriesStream(SmsSenderProvider.class).forEach(f -> senders.add(f.getId()));
        senders.sort(null);
        configProperties = ProviderConfigurationBuilder.create()
                .property()
                .name(SmsOtpSettings.SENDER)
                .label("SMS sender")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(senders)
                .helpText(
                        "Gateway of the sms-sender SPI: http (generic JSON + HMAC), twilio, or log. "
                                + "log is for development only: it writes the code to the server log. Gateway credentials are SPI options.")
                .add()
                .property()
                .name(SmsOtpSettings.CODE_LENGTH)
                .label("Code length")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("6")
                .helpText("Digits per code, 6 to 8.")
                .add()
                .property()
                .name(SmsOtpSettings.CODE_TTL)
                .label("Code lifetime (seconds)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("600")
                .helpText("How long a texted code stays valid, 30 to 900 seconds.")
                .add()
                .property()
                .name(SmsOtpSettings.RESEND_COOLDOWN)
                .label("Resend cooldown (seconds)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("30")
                .helpText("Minimum wait between two SMS to the same user, 0 to 600 seconds.")
                .add()
                .property()
                .name(SmsOtpSettings.USER_CAP)
                .label("SMS per user per hour")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("5")
                .helpText("Most SMS one user can trigger in a sliding hour (1 to 100).")
                .add()
                .property()
                .name(SmsOtpSettings.IP_CAP)
                .label("SMS per IP address per hour")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("20")
                .helpText("Most SMS one client IP address can trigger in a sliding hour (1 to 10000).")
                .add()
                .property()
                .name(SmsOtpSettings.DEFAULT_REGION)
                .label("Default region")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("ISO 3166 region (e.g. FR) for numbers typed without a country code.")
                .add()
                .property()
                .name(SmsOtpSettings.ALLOWED_COUNTRIES)
                .label("Allowed countries")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText(
                        "Comma-separated ISO 3166 regions whose numbers may enroll (e.g. FR,DE,BE); empty allows all. "
                                + "Allowing all countries invites SMS pumping to expensive destinations. "
                                + "Premium-rate, shared-cost and toll-free numbers are always refused; checked again before every SMS.")
                .add()
                .property()
                .name(SmsOtpSettings.ALLOW_VOIP)
                .label("Allow VoIP numbers")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .helpText("Let VoIP numbers receive codes. Off by default: they are cheap to obtain in bulk. "
                        + "Checked again before every SMS, also for numbers enrolled earlier.")
                .add()
                .property()
                .name(SmsOtpSettings.WEB_OTP_HOST)
                .label("WebOTP host")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText(
                        "Host name of the login pages (e.g. login.example.com): adds the WebOTP line '@host #code' to the SMS "
                                + "so browsers can fill the code in.")
                .add()
                .build();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }
}
