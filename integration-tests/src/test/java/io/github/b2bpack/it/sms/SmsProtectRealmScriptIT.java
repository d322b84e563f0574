package io.github.b2bpack.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The documented way to protect a realm not made from the organization template
 * ({@code docs/totp-sms-authenticator-protect-realm.sh}, curl + jq) really closes the password grant and
 * puts the SMS step after the reset email link and after identity provider logins.
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class SmsProtectRealmScriptIT extends SmsItBase {

    static final Path SCRIPT = Path.of("..", "docs", "totp-sms-authenticator-protect-realm.sh");

    @Test
    void theDocumentedScriptProtectsAPlainRealm() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(SCRIPT), "script at " + SCRIPT.toAbsolutePath());
        assumeTrue(onPath("curl") && onPath("jq"), "curl and jq are needed to run the documented script");
        SmsTestRealm plain = realm("sms-protect", Map.of("sender", "http"), 0);
        SmsOrgRealm realm = SmsOrgRealm.existing(admin, plain.name);
        realm.createUser("sam", "+33612345672");
        realm.createUser("nora", null);
        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias("corp-oidc");
        idp.setProviderId("oidc");
        idp.setConfig(Map.of(
                "clientId",
                "x",
                "clientSecret",
                "y",
                "authorizationUrl",
                "http://127.0.0.1:9/auth",
                "tokenUrl",
                "http://127.0.0.1:9/token",
                "clientAuthMethod",
                "client_secret_post"));
        admin.realm(plain.name).identityProviders().create(idp).close();

        OidcClient oidc = realm.oidc();
        int before = oidc.passwordGrant(SmsTestRealm.CLIENT, "sam", SmsOrgRealm.PASSWORD)
                .status();
        assertEquals(200, before, "without the documented steps the password alone gives tokens");

        ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        // curl verifies the run's self-signed certificate as it would an operator's real one.
        io.github.b2bpack.it.TestServer.certificate()
                .ifPresent(pem -> run.environment().put("CURL_CA_BUNDLE", pem.toString()));
        run.environment()
                .putAll(Map.of(
                        "KC",
                        SmsTestRealm.SERVER,
                        "R",
                        plain.name,
                        "TOKEN",
                        admin.tokenManager().getAccessTokenString(),
                        "IDP_ALIASES",
                        "corp-oidc"));
        Process process = run.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "script finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);

        for (String client : List.of("admin-cli", SmsTestRealm.CLIENT)) {
            OidcClient.Response refused = oidc.passwordGrant(client, "sam", SmsOrgRealm.PASSWORD);
            assertEquals(400, refused.status(), client + ": " + refused.body());
            assertEquals(SmsDirectGrantIT.REFUSAL, refused.field("error_description"));
        }
        assertEquals(
                200,
                oidc.passwordGrant(SmsTestRealm.CLIENT, "nora", SmsOrgRealm.PASSWORD)
                        .status());

        RealmRepresentation rep = admin.realm(plain.name).toRepresentation();
        assertEquals("direct grant with sms", rep.getDirectGrantFlow());
        assertEquals("reset credentials with sms", rep.getResetCredentialsFlow());
        List<String> resetOrder = admin.realm(plain.name).flows().getExecutions(rep.getResetCredentialsFlow()).stream()
                .filter(e -> e.getLevel() == 0)
                .map(e -> e.getProviderId() != null ? e.getProviderId() : e.getDisplayName())
                .toList();
        int email = resetOrder.indexOf("reset-credential-email");
        assertTrue(
                email >= 0 && resetOrder.indexOf("reset credentials with sms - SMS") == email + 1,
                resetOrder.toString());
        AuthenticationExecutionInfoRepresentation sub = realm.execution(rep.getResetCredentialsFlow(), "sms-otp-form");
        assertEquals("REQUIRED", sub.getRequirement());
        assertEquals(
                "CONDITIONAL",
                admin.realm(plain.name).flows().getExecutions(rep.getResetCredentialsFlow()).stream()
                        .filter(e -> "reset credentials with sms - SMS".equals(e.getDisplayName()))
                        .findFirst()
                        .orElseThrow()
                        .getRequirement());
        assertEquals(
                "post broker login with sms",
                admin.realm(plain.name)
                        .identityProviders()
                        .get("corp-oidc")
                        .toRepresentation()
                        .getPostBrokerLoginFlowAlias());
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
