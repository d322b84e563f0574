package io.github.b2bpack.it.upgrade;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.github.b2bpack.it.server.Commands;
import io.github.b2bpack.it.support.BearerHttp;
import io.github.b2bpack.it.support.OidcClient;
import io.github.b2bpack.testsupport.RecordedRequest;
import io.github.b2bpack.testsupport.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The upgrade path on one database: a database written by the pack at an earlier commit ({@code make-fixture.sh}, the
 * dump committed beside it) restored into a fresh server, then the current pack started on it with
 * {@code kc.sh start --optimized}, the secrets (argon2 peppers, webhook encryption key) from environment variables.
 * Liquibase must apply whatever changesets the current jars carry on top, and nothing written before may be lost: the
 * old user logs in with the old password (argon2-native, peppered), the old webhook signs with the key shown when it
 * was created, a delivery left pending before the upgrade goes out after it, the organization is still discovered by
 * its email domain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class UpgradeItBase {

    private static final int RECEIVER_PORT = 8504;
    private static final Duration WAIT = Duration.ofSeconds(30);

    final UpgradeFixture fixture;
    private final FixtureDatabase database;
    final Path root = Path.of(System.getProperty("java.io.tmpdir"), "b2bpack-upgrade");
    private final long started = System.nanoTime();
    UpgradeServer server;
    private WebhookReceiver receiver;
    BearerHttp admin;
    OidcClient realm;
    private Set<String> changesetsBefore;

    /** @param db {@code postgres} or {@code mariadb}: the fixture files and the database server */
    UpgradeItBase(String db) {
        this.fixture = UpgradeFixture.load(db);
        this.database = FixtureDatabase.of(db);
    }

    @BeforeAll
    void restoreAndStart() throws Exception {
        Commands.deleteTree(root);
        receiver = new WebhookReceiver(RECEIVER_PORT);
        database.startFrom(fixture.dump());
        changesetsBefore = database.changesets();
        log("restored the %s dump of %s in %d ms", database.kind(), fixture.fromCommit(), elapsedMillis());
        server = UpgradeServer.build(root.resolve("keycloak-26.7.3"), database.server());
        Map<String, String> environment = new LinkedHashMap<>();
        UpgradeServer.itSecrets().forEach((k, v) -> environment.put(UpgradeServer.envName(k), v));
        server.start(List.of(), environment);
        log("built and started the current pack on it in %d ms (secrets from the environment)", elapsedMillis());
        admin = server.admin(fixture);
        realm = new OidcClient(UpgradeServer.BASE_URL + "/realms/" + fixture.realm());
    }

    @AfterAll
    void stopAll() throws Exception {
        try {
            if (server != null) {
                server.stop();
                keepConsole();
            }
            database.stop();
            if (receiver != null) {
                receiver.close();
            }
        } finally {
            Commands.deleteTree(root);
        }
        log("whole class in %d ms", elapsedMillis());
    }

    @Test
    @Order(1)
    void liquibaseAppliedEveryChangesetOfTheCurrentJars() {
        Set<String> inJars = PackChangesets.inJars();
        Set<String> after = database.changesets();
        assertFalse(inJars.isEmpty(), "the pack's jars carry no changelog");
        assertTrue(
                changesetsBefore.stream().anyMatch(c -> c.startsWith("b2bpack")),
                "the fixture holds no changeset of the pack: " + changesetsBefore);
        assertTrue(after.containsAll(changesetsBefore), "a changeset row of the old database is gone");
        Set<String> missing = new TreeSet<>(inJars);
        missing.removeAll(after);
        assertEquals(Set.of(), missing, "changesets of the current jars not applied");
        Set<String> applied = new TreeSet<>(after);
        applied.removeAll(changesetsBefore);
        log(
                "changesets: %d in the jars, %d in the fixture, applied by the upgrade: %s",
                inJars.size(), changesetsBefore.size(), applied);
    }

    @Test
    @Order(2)
    void theDeliveryLeftPendingGoesOutSignedWithTheOldKey() {
        RecordedRequest pending = awaitDelivery(r -> fixture.pendingDeliveryId().equals(r.header("webhook-id")));
        assertSignedWithTheOldKey(pending);
        assertTrue(pending.bodyText().contains("user.login.success"), pending.bodyText());
    }

    @Test
    @Order(3)
    void theOldUserLogsInWithTheOldPasswordAndTheOldWebhookSignsTheLogin() {
        Set<String> before = deliveryIds();
        OidcClient.Response login = realm.passwordGrant(fixture.client(), fixture.user(), fixture.userPassword());
        assertEquals(200, login.status(), login.body());
        RecordedRequest delivery = awaitDelivery(r -> !before.contains(r.header("webhook-id")));
        assertSignedWithTheOldKey(delivery);
        assertTrue(delivery.bodyText().contains("user.login.success"), delivery.bodyText());
    }

    @Test
    @Order(4)
    void theOrganizationIsStillDiscoveredByItsEmailDomain() {
        OidcClient.Response discovery = admin.get("/master/orgs/discovery?email=" + fixture.organizationEmail());
        assertEquals(200, discovery.status(), discovery.body());
        assertEquals(fixture.organization(), discovery.field("domain"), discovery.body());
    }

    /**
     * The webhook of the old version is now a realm component with the same id (so its deliveries and its encrypted
     * key still match it), its key masked by the component API, and the old table holds no row (a later release
     * drops it).
     */
    @Test
    @Order(4)
    void theOldWebhookIsNowARealmComponentWithItsId() {
        OidcClient.Response components = admin.get("/" + fixture.realm()
                + "/components?type=org.keycloak.services.ui.extend.UiPageProvider&providerId=b2bpack-webhooks");
        assertEquals(200, components.status(), components.body());
        assertTrue(components.body().contains("\"id\":\"" + fixture.webhookId() + "\""), components.body());
        assertTrue(components.body().contains("\"signing_key\":[\"**********\"]"), components.body());
        assertFalse(components.body().contains(fixture.webhookSignatureKey()), "the key is never shown");
        OidcClient.Response webhook = admin.get("/" + fixture.realm() + "/webhooks/" + fixture.webhookId());
        assertEquals(200, webhook.status(), webhook.body());
        assertEquals(List.of("0"), database.rows("SELECT COUNT(*) FROM B2BPACK_WEBHOOK"));
    }

    void assertSignedWithTheOldKey(RecordedRequest delivery) {
        assertDoesNotThrow(
                () -> new Webhook(fixture.webhookSignatureKey())
                        .verify(delivery.bodyText(), WebhookReceiver.lowerCaseHeaders(delivery)),
                "signature of " + delivery.header("webhook-id"));
    }

    RecordedRequest awaitDelivery(Predicate<RecordedRequest> which) {
        Predicate<RecordedRequest> filter = r -> r.header("webhook-id") != null && which.test(r);
        List<RecordedRequest> got = receiver.awaitRequests(filter, 1, WAIT);
        assertFalse(got.isEmpty(), "no such delivery within " + WAIT + "; received " + deliveryIds());
        return got.get(0);
    }

    Set<String> deliveryIds() {
        Set<String> ids = new HashSet<>();
        receiver.deliveries().forEach(r -> ids.add(r.header("webhook-id")));
        return ids;
    }

    private void keepConsole() {
        String dir = System.getProperty("b2bpack.it.log.dir");
        if (dir == null) {
            return;
        }
        try {
            Path target = Files.createDirectories(Path.of(dir));
            Files.copy(
                    server.node().console(),
                    target.resolve("upgrade-" + database.kind() + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            System.err.println("[UpgradePathIT] could not keep the console: " + e);
        }
    }

    private long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    static void log(String format, Object... args) {
        System.out.println("[UpgradePathIT] " + String.format(format, args));
    }
}
