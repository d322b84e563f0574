package io.github.b2bpack.it.sms;

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

    /**
     * @param smsConfig the sms-otp-form configuration (sender, codeLength, …)
     * @param bruteForceFailures 0 for no brute-force protection, else the realm's failure factor
     */
    static SmsTestRealm create(Keycloak admin, String name, Map<String, String> smsConfig, int bruteForceFailures) {
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
                    "credentials": [{"type": "password", "value": "%s", "temporary": false}],
                    "requiredActions": ["CONFIGURE_SMS_OTP"]
                  }],
                  "requiredActions": [{
                    "alias": "CONFIGURE_SMS_OTP", "name": "Configure SMS one-time codes", "providerId": "CONFIGURE_SMS_OTP",
                    "enabled": true, "defaultAction": false, "priority": 100, "config": {}
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
                      {"authenticator": "sms-otp-form", "authenticatorConfig": "sms", "requirement": "REQUIRED", "priority": 20, "authenticatorFlow": false, "userSetupAllowed": false}]}
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
                        toJson(config));
        try {
            admin.realms().create(JsonSerialization.readValue(json, RealmRepresentation.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String userId =
                admin.realm(name).users().searchByUsername(USER, true).get(0).getId();
        return new SmsTestRealm(name, userId);
    }

    private static String toJson(Map<String, String> map) {
        try {
            return JsonSerialization.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
