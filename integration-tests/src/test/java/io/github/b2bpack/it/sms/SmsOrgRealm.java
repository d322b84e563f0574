package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * An organization realm made from the pack's template through {@code /admin/realms/master/orgs}, as an
 * operator makes one, with what the SMS path tests need: an app client with direct grant and a
 * redirect into the realm, users with and without an SMS credential, optionally the http SMS sender
 * on the browser flow's {@code sms-otp-form} and an SMTP server for reset emails.
 */
final class SmsOrgRealm {

    static final String SERVER = SmsTestRealm.SERVER;
    static final String APP = "it-app";
    static final String PASSWORD = "Tq7#vLm9!pRz2@wXk-Quartz";

    final Keycloak admin;
    final String name;

    private SmsOrgRealm(Keycloak admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /** Creates the organization (slug returned by the API is the realm name) and an app client in it. */
    static SmsOrgRealm create(Keycloak admin, String displayName) {
        OidcClient.Response created =
                orgs(admin).post("", "{\"name\":\"" + displayName + "\",\"allowed_email_domains\":[]}");
        assertEquals(201, created.status(), created.body());
        SmsOrgRealm realm = new SmsOrgRealm(admin, created.field("domain"));
        // The template's zxcvbn/HIBP password policy belongs to the password modules' tests.
        RealmRepresentation rep = admin.realm(realm.name).toRepresentation();
        rep.setPasswordPolicy("");
        admin.realm(realm.name).update(rep);
        realm.createClient(APP);
        return realm;
    }

    /** A realm made some other way (removed by its creator, not through the organization API). */
    static SmsOrgRealm existing(Keycloak admin, String name) {
        return new SmsOrgRealm(admin, name);
    }

    void delete() {
        orgs(admin).delete("/" + name);
    }

    String url() {
        return SERVER + "/realms/" + name;
    }

    String redirect() {
        return url() + "/.well-known/openid-configuration";
    }

    OidcClient oidc() {
        return new OidcClient(url());
    }

    /** A public client with the password grant and the browser flow, redirecting into the realm. */
    void createClient(String clientId) {
        admin.realm(name)
                .clients()
                .create(Fixtures.browserAndDirectGrantClient(clientId, name))
                .close();
    }

    /** A user with a password and, when {@code e164} is not null, an {@code sms-otp} credential (as imported by an admin). */
    String createUser(String username, String e164) {
        if (e164 == null) {
            return createUserWith(username, null);
        }
        CredentialRepresentation sms = new CredentialRepresentation();
        sms.setType("sms-otp");
        sms.setUserLabel(masked(e164));
        sms.setSecretData("{\"phone\":\"" + e164 + "\"}");
        sms.setCredentialData("{\"maskedPhone\":\"" + masked(e164) + "\"}");
        String id = createUserWith(username, sms);
        assertEquals(
                1,
                admin.realm(name).users().get(id).credentials().stream()
                        .filter(c -> c.getType().equals("sms-otp"))
                        .count(),
                "the sms-otp credential was imported");
        return id;
    }

    /**
     * A user {@code username@org-it.example} with the password and, unless null, the {@code secondFactor} credential
     * beside it, as an admin (or a migration script) imports it; returns its id.
     */
    String createUserWith(String username, CredentialRepresentation secondFactor) {
        UserRepresentation user =
                Fixtures.userWithPassword(username, username + "@org-it.example", "Test", "User", PASSWORD);
        if (secondFactor != null) {
            List<CredentialRepresentation> credentials = new ArrayList<>(user.getCredentials());
            credentials.add(secondFactor);
            user.setCredentials(credentials);
        }
        return Users.create(admin, name, user);
    }

    /** Sets the SMS sender on the browser flow's sms-otp-form execution, keeping whatever the template configured there. */
    void useHttpSender() {
        AuthenticationManagementResource flows = admin.realm(name).flows();
        String browserFlow = admin.realm(name).toRepresentation().getBrowserFlow();
        AuthenticationExecutionInfoRepresentation sms = execution(browserFlow, "sms-otp-form");
        if (sms.getAuthenticationConfig() != null) {
            AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(sms.getAuthenticationConfig());
            Map<String, String> values = new HashMap<>(config.getConfig() == null ? Map.of() : config.getConfig());
            values.put("sender", "http");
            config.setConfig(values);
            flows.updateAuthenticatorConfig(config.getId(), config);
        } else {
            AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
            config.setAlias("it-sms-" + name);
            config.setConfig(Map.of("sender", "http"));
            flows.newExecutionConfig(sms.getId(), config).close();
        }
    }

    /** Points the realm's email at a loopback SMTP server. */
    void useSmtp(int port) {
        RealmRepresentation rep = admin.realm(name).toRepresentation();
        rep.setSmtpServer(Map.of(
                "host",
                "127.0.0.1",
                "port",
                Integer.toString(port),
                "from",
                "noreply@org-it.example",
                "auth",
                "false",
                "ssl",
                "false",
                "starttls",
                "false"));
        admin.realm(name).update(rep);
    }

    /** The execution of {@code providerId} anywhere under the flow {@code flowAlias}; fails when there is none. */
    AuthenticationExecutionInfoRepresentation execution(String flowAlias, String providerId) {
        return admin.realm(name).flows().getExecutions(flowAlias).stream()
                .filter(e -> providerId.equals(e.getProviderId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + providerId + " execution in flow '" + flowAlias + "' of realm " + name));
    }

    private static String masked(String e164) {
        return e164.substring(0, 3) + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 2);
    }

    /** The organization API called as the admin. */
    private static BearerHttp orgs(Keycloak admin) {
        return new BearerHttp(
                SERVER + "/admin/realms/master/orgs",
                () -> admin.tokenManager().getAccessTokenString(),
                Duration.ofSeconds(60));
    }
}
