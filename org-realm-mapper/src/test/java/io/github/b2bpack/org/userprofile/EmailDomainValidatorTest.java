package io.github.b2bpack.org.userprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

class EmailDomainValidatorTest {

    private final EmailDomainValidator validator = new EmailDomainValidator();
    private final ValidatorConfig config =
            new ValidatorConfig(Map.of(EmailDomainValidator.CONFIG_DOMAINS, List.of("acme.com", "acme.fr")));

    @Test
    void acceptsAllowedDomainsAndEmptyValues() {
        assertTrue(validator
                .validate(List.of("bob@ACME.com"), "email", new ValidationContext(), config)
                .isValid());
        assertTrue(validator
                .validate(List.of(""), "email", new ValidationContext(), config)
                .isValid());
    }

    @Test
    void anEmptyListAcceptsNoAddressSinceTheOrganizationsDomainsAreAllPending() {
        for (ValidatorConfig none : List.of(
                ValidatorConfig.EMPTY, new ValidatorConfig(Map.of(EmailDomainValidator.CONFIG_DOMAINS, List.of())))) {
            ValidationContext context =
                    validator.validate(List.of("bob@acme.com"), "email", new ValidationContext(), none);
            assertFalse(context.isValid());
            assertEquals(
                    EmailDomainValidator.MESSAGE_NONE_VERIFIED,
                    context.getErrors().iterator().next().getMessage());
            assertTrue(validator
                    .validate(List.of(""), "email", new ValidationContext(), none)
                    .isValid());
        }
    }

    @Test
    void refusesOtherDomainsWithTheLocalizedKey() {
        ValidationContext context =
                validator.validate(List.of("bob@evil.io"), "email", new ValidationContext(), config);
        assertFalse(context.isValid());
        ValidationError error = context.getErrors().iterator().next();
        assertEquals(EmailDomainValidator.MESSAGE, error.getMessage());
        assertEquals("acme.com, acme.fr", error.getMessageParameters()[0]);
    }
}
