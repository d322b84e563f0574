package io.github.b2bpack.it.password.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Bounded load run, not part of CI (skipped unless {@code -Dargon2.loadtest=true}): password logins per
 * second through the token endpoint when the stored hash is verified by Keycloak's built-in
 * {@code argon2} versus {@code argon2-native}, same server, same run, same parameters (Keycloak's
 * default m=7168 KiB, t=5, p=1: the built-in's cost is server-wide, so both realms keep credentials at
 * it). Both realms run {@code hashAlgorithm(argon2)}, whose policy check looks at parameters only, so
 * no login re-hashes and every login pays exactly one verification by the provider the credential
 * names. Rounds alternate built-in / native to spread the machine's noise. It prints its numbers and
 * asserts only that every login succeeded (no timed assertions).
 */
@KeycloakIntegrationTest(config = PackServerConfig.class)
class Argon2LoginThroughputIT {

    private static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    private static final String PASSWORD = "Imported-Builtin-Layout-1";
    private static final String SALT = "c2FsdC1idWlsdGluLTAwMQ==";
    private static final String HASH = "CgnlAYFi36jLLSvpgA+/vtpf11gxmLp+fiW36yfR+wU=";
    private static final int USERS = 8;

    @InjectAdminClient
    Keycloak admin;

    @Test
    void passwordLoginsPerSecondBuiltInVersusNative() throws Exception {
        assumeTrue(Boolean.getBoolean("argon2.loadtest"), "load run: pass -Dargon2.loadtest=true");
        int threads = Integer.getInteger("argon2.loadtest.threads", 4);
        long roundMillis = Long.getLong("argon2.loadtest.roundMillis", 15_000);
        int rounds = Integer.getInteger("argon2.loadtest.rounds", 2);
        createRealm("load-builtin", "argon2");
        createRealm("load-native", "argon2-native");
        try {
            run("load-builtin", threads, 3_000); // warm-up
            run("load-native", threads, 3_000);
            long builtIn = 0;
            long nativeCount = 0;
            for (int i = 0; i < rounds; i++) {
                builtIn += run("load-builtin", threads, roundMillis);
                nativeCount += run("load-native", threads, roundMillis);
            }
            double seconds = rounds * roundMillis / 1000.0;
            System.out.printf(
                    "argon2 login throughput, %d client threads, %d x %d ms per provider: built-in argon2 %.1f logins/s, argon2-native %.1f logins/s, ratio %.2f%n",
                    threads,
                    rounds,
                    roundMillis,
                    builtIn / seconds,
                    nativeCount / seconds,
                    (double) nativeCount / builtIn);
        } finally {
            admin.realm("load-builtin").remove();
            admin.realm("load-native").remove();
        }
    }

    /** Logins completed in the window; fails on any non-200. */
    private long run(String realm, int threads, long millis) throws Exception {
        OidcClient oidc = new OidcClient(SERVER + "/realms/" + realm);
        long deadline = System.currentTimeMillis() + millis;
        AtomicLong ok = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (System.currentTimeMillis() < deadline) {
                        OidcClient.Response tokens =
                                oidc.passwordGrant("cli", "load-user-" + (next.getAndIncrement() % USERS), PASSWORD);
                        assertEquals(200, tokens.status(), tokens.body());
                        ok.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return ok.get();
    }

    private void createRealm(String name, String algorithm) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setPasswordPolicy("hashAlgorithm(argon2)");
        admin.realms().create(realm);
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("cli");
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        admin.realm(name).clients().create(client).close();
        for (int i = 0; i < USERS; i++) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername("load-user-" + i);
            user.setEnabled(true);
            user.setEmail("load-user-" + i + "@example.com");
            user.setFirstName("Load");
            user.setLastName("User");
            user.setEmailVerified(true);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setCredentialData(
                    "{\"hashIterations\":5,\"algorithm\":\"" + algorithm + "\",\"additionalParameters\":{"
                            + "\"type\":[\"id\"],\"version\":[\"1.3\"],\"hashLength\":[\"32\"],\"memory\":[\"7168\"],\"parallelism\":[\"1\"]}}");
            credential.setSecretData(
                    "{\"value\":\"" + HASH + "\",\"salt\":\"" + SALT + "\",\"additionalParameters\":{}}");
            user.setCredentials(List.of(credential));
            try (Response created = admin.realm(name).users().create(user)) {
                assertEquals(201, created.getStatus(), () -> created.readEntity(String.class));
            }
        }
    }
}
