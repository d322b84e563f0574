package io.github.b2bpack.magiclink.headless;

import io.github.b2bpack.magiclink.address.TypedAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A headless magic-link request, Cryptr's fields ({@code user_email}, {@code redirect_uri}) plus what a standard
 * OIDC authorization request needs to end in tokens: {@code client_id} (whose registered redirect URIs the
 * {@code redirect_uri} must match), and optional {@code state}, {@code scope}, {@code nonce}, {@code code_challenge},
 * {@code code_challenge_method}. Either a parse error ({@link #error}) or the request.
 */
public record ChallengeRequest(String email, String redirectUri, String clientId, Map<String, String> oidc) {

    /** The optional OIDC parameters carried to the authorization request, with their longest accepted length. */
    static final Map<String, Integer> OPTIONAL = Map.of(
            "state", 2048,
            "scope", 1024,
            "nonce", 512,
            "code_challenge", 128,
            "code_challenge_method", 10);

    /** A 400 answer: {@code error} code and a description naming the field. */
    public record Invalid(String error, String description) {}

    public static Object parse(Map<String, String> fields) {
        Optional<String> email = TypedAddress.parse(fields.get("user_email"));
        if (email.isEmpty()) {
            return new Invalid("invalid_user_email", "user_email must be an email address");
        }
        String redirect = fields.get("redirect_uri");
        if (redirect == null || redirect.isBlank() || redirect.length() > 2048) {
            return new Invalid("invalid_redirect_uri", "redirect_uri is required (at most 2048 characters)");
        }
        String client = fields.get("client_id");
        if (client == null || client.isBlank() || client.length() > 255) {
            return new Invalid(
                    "invalid_client_id", "client_id is required: the client whose redirect URIs accept redirect_uri");
        }
        Map<String, String> oidc = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> optional : OPTIONAL.entrySet()) {
            String value = fields.get(optional.getKey());
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (value.length() > optional.getValue() || value.chars().anyMatch(Character::isISOControl)) {
                return new Invalid(
                        "invalid_" + optional.getKey(), optional.getKey() + " is too long or has control characters");
            }
            oidc.put(optional.getKey(), value);
        }
        String method = oidc.get("code_challenge_method");
        if (method != null && !method.equals("S256") && !method.equals("plain")) {
            return new Invalid("invalid_code_challenge_method", "code_challenge_method must be S256 or plain");
        }
        oidc.putIfAbsent("scope", "openid");
        oidc.put("response_type", "code");
        return new ChallengeRequest(email.get(), redirect.strip(), client.strip(), Map.copyOf(oidc));
    }
}
