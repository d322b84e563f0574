package io.github.b2bpack.it.password.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.b2bpack.it.PackServerConfig;
import io.github.b2bpack.it.support.OidcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
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
        Argon2Realm builtInRealm = createRealm("load-builtin", "argon2");
        Argon2Realm nativeRealm = createRealm("load-native", "argon2-native");
        try {
            run(builtInRealm, threads, 3_000); // warm-up
            run(nativeRealm, threads, 3_000);
            long builtIn = 0;
            long nativeCount = 0;
            for (int i = 0; i < rounds; i++) {
                builtIn += run(builtInRealm, threads, roundMillis);
                nativeCount += run(nativeRealm, threads, roundMillis);
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
            builtInRealm.remove();
            nativeRealm.remove();
        }
    }

    /** Logins completed in the window; fails on any non-200. */
    private long run(Argon2Realm realm, int threads, long millis) throws Exception {
        OidcClient oidc = realm.oidc;
        long deadline = System.currentTimeMillis() + millis;
        AtomicLong ok = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (System.currentTimeMillis() < deadline) {
                        OidcClient.Response tokens = oidc.passwordGrant(
                                Argon2Realm.CLIENT, "load-user-" + (next.getAndIncrement() % USERS), PASSWORD);
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

    /**
     * A realm under {@code hashAlgorithm(argon2)} whose users hold the same hash, stored as {@code algorithm}'s, at
     * Keycloak's default cost.
     */
    private Argon2Realm createRealm(String name, String algorithm) {
        Argon2Realm realm = Argon2Realm.create(admin, name, "hashAlgorithm(argon2)");
        for (int i = 0; i < USERS; i++) {
            realm.importUser("load-user-" + i, new Argon2Realm.StoredHash(algorithm, 5, 7168, 1, null, SALT, HASH));
        }
        return realm;
    }
}
