package io.github.b2bpack.it.magiclink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.b2bpack.it.TestServer;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.it.support.Users;
import java.time.Duration;
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
 * An organization realm from the pack's template (through {@code /admin/realms/master/orgs}, as an operator makes
 * one) whose browser form step is the magic link instead of the password, as docs/magic-link-authenticator.md tells
 * an operator to set it up: {@code b2bpack-magic-link} REQUIRED first in "b2bpack browser forms", the password form
 * and the breached-password check DISABLED, the template's conditional SMS and OTP subflows left as they are.
 */
final class MagicLinkRealm {

    static final String APP = "it-app";
    static final String FORMS = "b2bpack browser forms";
    static final String PROVIDER = "b2bpack-magic-link";

    final Keycloak admin;
    final String name;

    private MagicLinkRealm(Keycloak admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static MagicLinkRealm create(Keycloak admin, String displayName, int smtpPort) {
        return create(admin, displayName, smtpPort, true);
    }

    /** @param magicLink false: the template's password flow as it is (no magic-link step) */
    static MagicLinkRealm create(Keycloak admin, String displayName, int smtpPort, boolean magicLink) {
        OidcClient.Response created =
                orgs(admin).post("", "{\"name\":\"" + displayName + "\",\"allowed_email_domains\":[]}");
        assertEquals(201, created.status(), created.body());
        MagicLinkRealm realm = new MagicLinkRealm(admin, created.field("domain"));
        RealmRepresentation rep = admin.realm(realm.name).toRepresentation();
        rep.setPasswordPolicy("");
        rep.setSmtpServer(Map.of(
                "host", "127.0.0.1",
                "port", Integer.toString(smtpPort),
                "from", "noreply@magic-it.example",
                "auth", "false",
                "ssl", "false",
                "starttls", "false"));
        admin.realm(realm.name).update(rep);
        admin.realm(realm.name)
                .clients()
                .create(Fixtures.browserAndDirectGrantClient(APP, realm.name))
                .close();
        if (magicLink) {
            realm.useMagicLinkFirst();
        }
        return realm;
    }

    void delete() {
        orgs(admin).delete("/" + name);
    }

    String url() {
        return TestServer.BASE_URL + "/realms/" + name;
    }

    String redirect() {
        return url() + "/.well-known/openid-configuration";
    }

    String authorizationUrl() {
        return new OidcClient(url()).authorizationUrl(APP, redirect());
    }

    OidcClient oidc() {
        return new OidcClient(url());
    }

    /** A user {@code username@magic-it.example}, with the {@code sms-otp} credential of {@code e164} unless null. */
    String createUser(String username, String e164) {
        UserRepresentation user = Fixtures.userWithPassword(
                username, username + "@magic-it.example", "Magic", "User", "Tq7#vLm9!pRz2@wXk-Quartz");
        if (e164 != null) {
            CredentialRepresentation sms = new CredentialRepresentation();
            sms.setType("sms-otp");
            sms.setUserLabel("phone");
            sms.setSecretData("{\"phone\":\"" + e164 + "\"}");
            sms.setCredentialData("{\"maskedPhone\":\"+33*******71\"}");
            user.setCredentials(List.of(user.getCredentials().get(0), sms));
        }
        return Users.create(admin, name, user);
    }

    /** Sets the magic-link execution's config (the published keys). */
    void configure(Map<String, String> config) {
        AuthenticationManagementResource flows = admin.realm(name).flows();
        AuthenticationExecutionInfoRepresentation magic = execution(PROVIDER);
        if (magic.getAuthenticationConfig() != null) {
            AuthenticatorConfigRepresentation c = flows.getAuthenticatorConfig(magic.getAuthenticationConfig());
            c.setConfig(new HashMap<>(config));
            flows.updateAuthenticatorConfig(c.getId(), c);
        } else {
            AuthenticatorConfigRepresentation c = new AuthenticatorConfigRepresentation();
            c.setAlias("it-magic-" + name);
            c.setConfig(new HashMap<>(config));
            flows.newExecutionConfig(magic.getId(), c).close();
        }
    }

    /** Sends SMS of the template's sms-otp-form through the http sender (the loopback FakeSmsGateway). */
    void useHttpSmsSender() {
        AuthenticationManagementResource flows = admin.realm(name).flows();
        AuthenticationExecutionInfoRepresentation sms = execution("sms-otp-form");
        AuthenticatorConfigRepresentation c = flows.getAuthenticatorConfig(sms.getAuthenticationConfig());
        Map<String, String> values = new HashMap<>(c.getConfig() == null ? Map.of() : c.getConfig());
        values.put("sender", "http");
        c.setConfig(values);
        flows.updateAuthenticatorConfig(c.getId(), c);
    }

    private void useMagicLinkFirst() {
        AuthenticationManagementResource flows = admin.realm(name).flows();
        flows.addExecution(FORMS, Map.of("provider", PROVIDER));
        String browserFlow = admin.realm(name).toRepresentation().getBrowserFlow();
        for (AuthenticationExecutionInfoRepresentation e : flows.getExecutions(FORMS)) {
            if (e.getLevel() != 0) {
                continue;
            }
            if (PROVIDER.equals(e.getProviderId())) {
                e.setRequirement("REQUIRED");
                flows.updateExecutions(browserFlow, e);
            } else if ("auth-username-password-form".equals(e.getProviderId())
                    || "breached-password-check".equals(e.getProviderId())) {
                e.setRequirement("DISABLED");
                flows.updateExecutions(browserFlow, e);
            }
        }
        // Added last: raised above the password form, the breached check and the two conditional subflows.
        String id = execution(PROVIDER).getId();
        while (flows.getExecutions(FORMS).stream()
                .filter(e -> e.getLevel() == 0)
                .findFirst()
                .map(e -> !id.equals(e.getId()))
                .orElse(false)) {
            flows.raisePriority(id);
        }
    }

    AuthenticationExecutionInfoRepresentation execution(String providerId) {
        String browserFlow = admin.realm(name).toRepresentation().getBrowserFlow();
        return admin.realm(name).flows().getExecutions(browserFlow).stream()
                .filter(e -> providerId.equals(e.getProviderId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + providerId + " in " + browserFlow + " of " + name));
    }

    private static BearerHttp orgs(Keycloak admin) {
        return new BearerHttp(
                TestServer.BASE_URL + "/admin/realms/master/orgs",
                () -> admin.tokenManager().getAccessTokenString(),
                Duration.ofSeconds(60));
    }
}
