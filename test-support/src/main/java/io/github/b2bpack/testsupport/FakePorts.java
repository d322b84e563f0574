package io.github.b2bpack.testsupport;

/**
 * Fixed loopback ports of the fakes used by integration tests. The Keycloak server under test is
 * configured with these URLs before it starts, so they cannot be ephemeral. Keep them clear of
 * Keycloak's 8080/8443/9000 and the test framework's 8500.
 */
public final class FakePorts {

    public static final int HIBP_RANGE_API = 8501;
    public static final int SMS_GATEWAY = 8502;
    public static final int WEBHOOK_RECEIVER = 8503;
    /** FakeDnsServer, UDP and TCP (8504 is the webhook load benchmark's lean receiver). */
    public static final int DNS = 8553;

    private FakePorts() {}
}
