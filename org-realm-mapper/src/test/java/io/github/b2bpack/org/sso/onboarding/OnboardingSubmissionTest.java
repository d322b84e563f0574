package io.github.b2bpack.org.sso.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnboardingSubmissionTest {

    @Test
    void pastedXml() {
        OnboardingSubmission s = OnboardingSubmission.of(
                Map.of("metadata_xml", List.of(" <EntityDescriptor/> "), "metadata_url", List.of("")));
        assertEquals(OnboardingSubmission.Kind.SAML_XML, s.kind());
        assertEquals("<EntityDescriptor/>", s.source());
    }

    @Test
    void oidcNeedsClientIdAndSecret() {
        OnboardingSubmission s = OnboardingSubmission.of(Map.of(
                "oidc_issuer", List.of("https://idp.example/"),
                "oidc_client_id", List.of("app"),
                "oidc_client_secret", List.of("s3cret")));
        assertEquals(OnboardingSubmission.Kind.OIDC, s.kind());
        assertEquals("https://idp.example/.well-known/openid-configuration", s.discoveryUrl());
        OnboardingRefusal refusal = assertThrows(
                OnboardingRefusal.class,
                () -> OnboardingSubmission.of(Map.of("oidc_issuer", List.of("https://idp.example"))));
        assertEquals("b2bpackSsoOnboardingOidcIncomplete", refusal.messageKey());
    }

    @Test
    void exactlyOneSource() {
        assertEquals(
                "b2bpackSsoOnboardingChooseOne",
                assertThrows(OnboardingRefusal.class, () -> OnboardingSubmission.of(Map.of()))
                        .messageKey());
        assertEquals(
                "b2bpackSsoOnboardingChooseOne",
                assertThrows(
                                OnboardingRefusal.class,
                                () -> OnboardingSubmission.of(Map.of(
                                        "metadata_xml", List.of("<x/>"), "metadata_url", List.of("https://a.example"))))
                        .messageKey());
    }

    @Test
    void oversizeAndRepeatedFieldsAreRefused() {
        String huge = "x".repeat(OnboardingSubmission.MAX_XML_CHARS + 1);
        assertEquals(
                "b2bpackSsoOnboardingTooLarge",
                assertThrows(
                                OnboardingRefusal.class,
                                () -> OnboardingSubmission.of(Map.of("metadata_xml", List.of(huge))))
                        .messageKey());
        assertEquals(
                "b2bpackSsoOnboardingInvalidInput",
                assertThrows(
                                OnboardingRefusal.class,
                                () -> OnboardingSubmission.of(Map.of("metadata_xml", List.of("<a/>", "<b/>"))))
                        .messageKey());
    }
}
