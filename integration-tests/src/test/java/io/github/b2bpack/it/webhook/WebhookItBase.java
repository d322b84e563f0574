package io.github.b2bpack.it.webhook;

import io.github.b2bpack.it.support.Fixtures;
import io.github.b2bpack.testsupport.WebhookReceiver;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;

/**
 * What the webhook ITs share: the loopback {@link WebhookReceiver} on its fixed port for the class, and for each
 * test a fresh realm ({@link Fixtures#webhookRealm}), a receiver answering 200 with nothing recorded, the test's own
 * receiver path (an attempt of the previous test still in flight lands elsewhere) and the admin API as the master
 * admin. A subclass adds what its realm needs in {@link #prepareRealm()}.
 */
abstract class WebhookItBase {

    static WebhookReceiver receiver;

    @InjectAdminClient
    Keycloak admin;

    WebhookApi api;
    /** This test's own receiver path. */
    String hookPath;

    /** The realm each test gets afresh. */
    abstract String realm();

    /** Called once the realm exists, before each test. */
    void prepareRealm() {}

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.onFixedPort();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void createRealm() {
        receiver.answerOk();
        receiver.clear();
        hookPath = "/hooks/" + UUID.randomUUID();
        admin.realms().create(Fixtures.webhookRealm(realm()));
        api = new WebhookApi(realm(), () -> admin.tokenManager().getAccessTokenString());
        prepareRealm();
    }

    @AfterEach
    void dropRealm() {
        admin.realm(realm()).remove();
    }
}
