package io.github.b2bpack.org.userprofile;

import io.github.b2bpack.org.emaildomain.EmailDomains;
import java.util.Collection;
import java.util.List;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.validate.AbstractSimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator on the {@code email} attribute of organization realms: an address outside
 * the organization's allowed domains is refused wherever the user profile is validated
 * (self-registration, account console, admin REST and console). The organization API writes the
 * allowed domains into the validator's config.
 */
public final class EmailDomainValidator extends AbstractSimpleValidator implements ConfiguredProvider {

    public static final String ID = "b2bpack-org-email-domain";

    /** Config key: the allowed domains, a list of strings. */
    public static final String CONFIG_DOMAINS = "domains";

    /** Message key in the login and admin bundles. */
    public static final String MESSAGE = "b2bpackEmailDomainNotAllowed";
    /** Message key when the organization has claimed domains but none is verified yet. */
    public static final String MESSAGE_NONE_VERIFIED = "b2bpackEmailDomainNoneVerified";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected boolean skipValidation(Object value, ValidatorConfig config) {
        // An empty email is the "required" validator's business, not ours.
        return value == null || value.toString().isBlank();
    }

    @Override
    protected void doValidate(Object value, String inputHint, ValidationContext context, ValidatorConfig config) {
        List<String> allowed = allowedDomains(config);
        if (allowed.isEmpty()) {
            // Present but empty: the organization's domains are all pending, so no address is accepted yet.
            context.addError(new ValidationError(ID, inputHint, MESSAGE_NONE_VERIFIED));
            return;
        }
        if (!EmailDomains.allows(allowed, value.toString())) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE, String.join(", ", allowed)));
        }
    }

    static List<String> allowedDomains(ValidatorConfig config) {
        Object raw = config == null ? null : config.get(CONFIG_DOMAINS);
        if (raw instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (raw instanceof String text && !text.isBlank()) {
            return List.of(text.split("\\s*,\\s*|##"));
        }
        return List.of();
    }

    @Override
    public String getHelpText() {
        return "Refuses email addresses outside the organization's verified email domains (set by the b2bpack organization API).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(CONFIG_DOMAINS)
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .label("Allowed email domains")
                .helpText("Domains an email address must end with (after '@'): the organization's verified domains. "
                        + "Empty accepts no address (the organization's domains are all pending verification); "
                        + "remove the validator to accept every address.")
                .add()
                .build();
    }

    @Override
    public void close() {}
}
