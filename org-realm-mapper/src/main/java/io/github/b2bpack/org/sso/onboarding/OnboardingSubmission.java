package io.github.b2bpack.org.sso.onboarding;

import java.util.List;
import java.util.Map;

/**
 * What the customer's IT administrator submits on the onboarding page: exactly one of the SAML metadata document,
 * a SAML metadata URL, or an OpenID Connect issuer with the client id and secret registered there.
 *
 * @param kind         which of the three was given
 * @param source       the metadata XML, the metadata URL, or the issuer URL
 * @param clientId     OIDC only, else null
 * @param clientSecret OIDC only, else null
 */
public record OnboardingSubmission(Kind kind, String source, String clientId, String clientSecret) {

    /** A SAML metadata document of a large federation member stays far below this (Azure AD's is ~10 KB). */
    public static final int MAX_XML_CHARS = 256 * 1024;

    public static final int MAX_FIELD_CHARS = 2048;

    public enum Kind {
        SAML_XML,
        SAML_URL,
        OIDC
    }

    /** Reads the form; a refusal carries the message key the page shows. */
    public static OnboardingSubmission of(Map<String, List<String>> form) {
        String xml = single(form, "metadata_xml", MAX_XML_CHARS);
        String url = single(form, "metadata_url", MAX_FIELD_CHARS);
        String issuer = single(form, "oidc_issuer", MAX_FIELD_CHARS);
        int given = (xml != null ? 1 : 0) + (url != null ? 1 : 0) + (issuer != null ? 1 : 0);
        if (given != 1) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingChooseOne",
                    "exactly one of metadata_xml, metadata_url, oidc_issuer must be given, got " + given);
        }
        if (xml != null) {
            return new OnboardingSubmission(Kind.SAML_XML, xml, null, null);
        }
        if (url != null) {
            return new OnboardingSubmission(Kind.SAML_URL, url, null, null);
        }
        String clientId = single(form, "oidc_client_id", MAX_FIELD_CHARS);
        String clientSecret = single(form, "oidc_client_secret", MAX_FIELD_CHARS);
        if (clientId == null || clientSecret == null) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingOidcIncomplete", "an OIDC connection needs the client id and secret");
        }
        return new OnboardingSubmission(Kind.OIDC, issuer, clientId, clientSecret);
    }

    /** The OIDC discovery document URL of an issuer ({@code <issuer>/.well-known/openid-configuration}). */
    public String discoveryUrl() {
        String issuer = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        return issuer + "/.well-known/openid-configuration";
    }

    private static String single(Map<String, List<String>> form, String name, int max) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new OnboardingRefusal("b2bpackSsoOnboardingInvalidInput", name + " is given twice");
        }
        String value = values.get(0) == null ? "" : values.get(0).strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new OnboardingRefusal(
                    "b2bpackSsoOnboardingTooLarge", name + " is longer than " + max + " characters");
        }
        return value;
    }
}
