package io.github.b2bpack.org.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

class TemplateSanitizerTest {

    /** A server with Keycloak's own providers but none of the pack's. */
    private static final ProviderCatalog STOCK = new ProviderCatalog() {
        @Override
        public boolean passwordPolicy(String id) {
            return Set.of("length", "hashAlgorithm", "digits").contains(id);
        }

        @Override
        public boolean passwordHash(String id) {
            return id.startsWith("pbkdf2") || id.equals("argon2");
        }

        @Override
        public boolean eventListener(String id) {
            return id.equals("jboss-logging");
        }

        @Override
        public boolean authenticator(String id) {
            return Set.of("auth-cookie", "auth-username-password-form", "conditional-user-configured")
                    .contains(id);
        }

        @Override
        public boolean requiredAction(String id) {
            return id.equals("VERIFY_EMAIL");
        }
    };

    private static final ProviderCatalog EVERYTHING = new ProviderCatalog() {
        @Override
        public boolean passwordPolicy(String id) {
            return true;
        }

        @Override
        public boolean passwordHash(String id) {
            return true;
        }

        @Override
        public boolean eventListener(String id) {
            return true;
        }

        @Override
        public boolean authenticator(String id) {
            return true;
        }

        @Override
        public boolean requiredAction(String id) {
            return true;
        }
    };

    @Test
    void shippedTemplateIsUntouchedWhenThePackIsInstalled() {
        RealmRepresentation rep = RealmTemplate.load(null).instantiate("acme", "Acme", true);
        String policy = rep.getPasswordPolicy();
        List<String> skipped = new TemplateSanitizer(EVERYTHING).sanitize(rep);
        assertEquals(List.of(), skipped);
        assertEquals(policy, rep.getPasswordPolicy());
        assertEquals("acme", rep.getId());
        assertEquals("acme", rep.getRealm());
        assertEquals("Acme", rep.getDisplayName());
    }

    @Test
    void shippedTemplateNamesThePackProviders() {
        RealmRepresentation rep = RealmTemplate.load(null).instantiate("acme", "Acme", true);
        assertTrue(rep.getPasswordPolicy().contains("hashAlgorithm(argon2-native)"), rep.getPasswordPolicy());
        assertTrue(rep.getPasswordPolicy().contains("zxcvbn"), rep.getPasswordPolicy());
        assertTrue(rep.getPasswordPolicy().contains("hibp"), rep.getPasswordPolicy());
        assertTrue(rep.getEventsListeners().contains("webhooks"));
        assertTrue(rep.getClients().stream().anyMatch(c -> "app".equals(c.getClientId())));
        List<String> authenticators = rep.getAuthenticationFlows().stream()
                .flatMap(f -> f.getAuthenticationExecutions().stream())
                .map(AuthenticationExecutionExportRepresentation::getAuthenticator)
                .toList();
        assertTrue(authenticators.contains("breached-password-check"), authenticators.toString());
        assertTrue(authenticators.contains("sms-otp-form"), authenticators.toString());
    }

    @Test
    void missingModulesAreSkippedNotFatal() {
        RealmRepresentation rep = RealmTemplate.load(null).instantiate("acme", "Acme", true);
        List<String> skipped = new TemplateSanitizer(STOCK).sanitize(rep);
        assertEquals("length(12)", rep.getPasswordPolicy());
        assertEquals(List.of("jboss-logging"), rep.getEventsListeners());
        assertTrue(skipped.stream().anyMatch(s -> s.contains("argon2-native")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.contains("'zxcvbn'")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.contains("'hibp'")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.contains("webhooks")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.contains("breached-password-check")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.contains("sms-otp-form")), skipped.toString());
        boolean anyPackAuthenticatorLeft = rep.getAuthenticationFlows().stream()
                .flatMap(f -> f.getAuthenticationExecutions().stream())
                .anyMatch(e -> "sms-otp-form".equals(e.getAuthenticator())
                        || "breached-password-check".equals(e.getAuthenticator()));
        assertTrue(!anyPackAuthenticatorLeft);
    }

    @Test
    void unknownRequiredActionsAndSubflowsAreHandled() {
        RealmRepresentation rep = new RealmRepresentation();
        RequiredActionProviderRepresentation known = new RequiredActionProviderRepresentation();
        known.setAlias("VERIFY_EMAIL");
        known.setProviderId("VERIFY_EMAIL");
        RequiredActionProviderRepresentation unknown = new RequiredActionProviderRepresentation();
        unknown.setAlias("CONFIGURE_SMS_OTP");
        unknown.setProviderId("CONFIGURE_SMS_OTP");
        rep.setRequiredActions(new ArrayList<>(List.of(known, unknown)));
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias("f");
        AuthenticationExecutionExportRepresentation subflow = new AuthenticationExecutionExportRepresentation();
        subflow.setAuthenticatorFlow(true);
        subflow.setFlowAlias("sub");
        flow.setAuthenticationExecutions(new ArrayList<>(List.of(subflow)));
        rep.setAuthenticationFlows(List.of(flow));
        rep.setPasswordPolicy("length(8) and notAPolicy(3) and hashAlgorithm(bcrypt)");

        List<String> skipped = new TemplateSanitizer(STOCK).sanitize(rep);

        assertEquals(1, rep.getRequiredActions().size());
        assertEquals(1, flow.getAuthenticationExecutions().size());
        assertEquals("length(8)", rep.getPasswordPolicy());
        assertEquals(3, skipped.size(), skipped.toString());
    }
}
