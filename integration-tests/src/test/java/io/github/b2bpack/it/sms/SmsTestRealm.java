package io.github.b2bpack.it.sms;

import io.github.b2bpack.it.support.OidcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * A realm whose browser flow is cookie | (password form, then a conditional "user configured"
 * sub-flow holding {@code sms-otp-form}), with the {@code CONFIGURE_SMS_OTP} required action, a
 * public client and user {@code alice} who must enroll on first login. Imported through the admin
 * REST API as one JSON document, as an operator would.
 */
final class SmsTestRealm {

    static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    static final String CLIENT = "web-app";
    static final String USER = "alice";
    static final String PASSWORD = "Correct-Horse-Battery-9";
    static final String TWILIO_SID = "AC0000000000000000000000000000b2bp";
    static final String TWILIO_TOKEN = "it-twilio-auth-token";
    static final String TWILIO_FROM = "+15005550006";
    static final String HTTP_SECRET = "it-http-hmac-secret";

    final String name;
    final String userId;

    private SmsTestRealm(String name, String userId) {
        this.name = name;
        this.userId = userId;
    }

    String url() {
        return SERVER + "/realms/" + name;
    }

    String redirect() {
        return url() + "/.well-known/openid-configuration";
    }

    /** The web app's authorization URL (code flow back to {@link #redirect()}). */
    String authorizationUrl() {
        return new OidcClient(url()).authorizationUrl(CLIENT, redirect());
    }

    /**
     * @param smsConfig the sms-otp-form configuration (sender, codeLength, …)
     * @param bruteForceFailures 0 for no brute-force protection, else the realm's failure factor
     */
    static SmsTestRealm create(Keycloak admin, String name, Map<String, String> smsConfig, int bruteForceFailures) {
        return create(admin, name, smsConfig, bruteForceFailures, null, "CONFIGURE_SMS_OTP", null);
    }

    /**
     * A realm of both methods (when {@code methods} is not null): the second-factor sub-flow holds
     * {@code sms-otp-form} and {@code app-otp-form} as alternatives, as the organization template does, the
     * realm attribute {@code b2bpack.otp.methods} is {@code methods} and both enrollment actions are registered.
     *
     * @param requiredAction alice's pending required action (null: none)
     * @param otpSecret a raw (ASCII) secret for an {@code otp} credential of alice (null: none)
     */
    static SmsTestRealm create(
            Keycloak admin,
            String name,
            Map<String, String> smsConfig,
            int bruteForceFailures,
            String methods,
            String requiredAction,
            String otpSecret) {
        Map<String, String> config = new LinkedHashMap<>(smsConfig);
        String json = """
                {
                  "realm": "%s",
                  "enabled": true,
                  "bruteForceProtected": %s,
                  "failureFactor": %d,
                  "permanentLockout": false,
                  "waitIncrementSeconds": 600,
                  "maxFailureWaitSeconds": 900,
                  "internationalizationEnabled": true,
                  "supportedLocales": ["en", "fr", "de"],
                  "defaultLocale": "en",
                  "eventsEnabled": true,
                  "enabledEventTypes": ["LOGIN", "LOGIN_ERROR", "CUSTOM_REQUIRED_ACTION", "CUSTOM_REQUIRED_ACTION_ERROR", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL"],
                  "browserFlow": "sms browser",
                  "clients": [{
                    "clientId": "%s", "publicClient": true, "standardFlowEnabled": true, "directAccessGrantsEnabled": true,
                    "redirectUris": ["%s/realms/%s/*"]
                  }],
                  "users": [{
                    "username": "%s", "enabled": true, "email": "alice@example.com", "emailVerified": true,
                    "firstName": "Alice", "lastName": "Martin",
                    "credentials": [{"type": "password", "value": "%s", "temporary": false}%s],
                    "requiredActions": %s
                  }],
                  "attributes": %s,
                  "passwordPolicy": %s,
                  "requiredActions": [{
                    "alias": "CONFIGURE_SMS_OTP", "name": "Configure SMS one-time codes", "providerId": "CONFIGURE_SMS_OTP",
                    "enabled": true, "defaultAction": false, "priority": 100, "config": {}
                  }, {
                    "alias": "CONFIGURE_APP_OTP", "name": "Configure authenticator app", "providerId": "CONFIGURE_APP_OTP",
                    "enabled": true, "defaultAction": false, "priority": 110, "config": {}
                  }],
                  "authenticatorConfig": [{"alias": "sms", "config": %s}],
                  "authenticationFlows": [
                    {"alias": "sms browser", "providerId": "basic-flow", "topLevel": true, "builtIn": false, "authenticationExecutions": [
                      {"authenticator": "auth-cookie", "requirement": "ALTERNATIVE", "priority": 10, "authenticatorFlow": false, "userSetupAllowed": false},
                      {"flowAlias": "sms forms", "requirement": "ALTERNATIVE", "priority": 20, "authenticatorFlow": true, "userSetupAllowed": false}]},
                    {"alias": "sms forms", "providerId": "basic-flow", "topLevel": false, "builtIn": false, "authenticationExecutions": [
                      {"authenticator": "auth-username-password-form", "requirement": "REQUIRED", "priority": 10, "authenticatorFlow": false, "userSetupAllowed": false},
                      {"flowAlias": "sms second factor", "requirement": "CONDITIONAL", "priority": 20, "authenticatorFlow": true, "userSetupAllowed": false}]},
                    {"alias": "sms second factor", "providerId": "basic-flow", "topLevel": false, "builtIn": false, "authenticationExecutions": [
                      {"authenticator": "conditional-user-configured", "requirement": "REQUIRED", "priority": 10, "authenticatorFlow": false, "userSetupAllowed": false},
                      {"authenticator": "sms-otp-form", "authenticatorConfig": "sms", "requirement": "%s", "priority": 20, "authenticatorFlow": false, "userSetupAllowed": false}%s]}
                  ]
                }
                """.formatted(
                        name,
                        bruteForceFailures > 0,
                        Math.max(bruteForceFailures, 1),
                        CLIENT,
                        SERVER,
                        name,
                        USER,
                        PASSWORD,
                        otpSecret == null ? "" : otpCredential(otpSecret),
                        requiredAction == null ? "[]" : "[\"" + requiredAction + "\"]",
                        methods == null ? "{}" : "{\"b2bpack.otp.methods\": \"" + methods + "\"}",
                        // Two-method realms log in 40 sessions at once; the server's default argon2 takes
                        // seconds per login on the test machine, and hashing is not what they test.
                        methods == null ? "null" : "\"hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)\"",
                        toJson(config),
                        methods == null ? "REQUIRED" : "ALTERNATIVE",
                        methods == null
                                ? ""
                                : ", {\"authenticator\": \"app-otp-form\", \"requirement\": \"ALTERNATIVE\", \"priority\": 30, "
                                        + "\"authenticatorFlow\": false, \"userSetupAllowed\": false}");
        try {
            admin.realms().create(JsonSerialization.readValue(json, RealmRepresentation.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String userId =
                admin.realm(name).users().searchByUsername(USER, true).get(0).getId();
        return new SmsTestRealm(name, userId);
    }

    /**
     * Keycloak's stored form of an authenticator-app secret under the default OTP policy: the raw secret
     * (ASCII, as Keycloak generates it), whose bytes are the HMAC key.
     */
    private static String otpCredential(String rawSecret) {
        return ", "
                + toJson(
                        Map.of(
                                "type", "otp",
                                "userLabel", "phone app",
                                "secretData", toJson(Map.of("value", rawSecret)),
                                "credentialData",
                                        "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}"));
    }

    private static String toJson(Map<String, String> map) {
        try {
            return JsonSerialization.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
