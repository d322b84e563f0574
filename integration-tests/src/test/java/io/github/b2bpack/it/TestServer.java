package io.github.b2bpack.it;

/**
 * Where the tests' Keycloak answers: HTTPS on 8443 in production mode (the default, it/server), plain HTTP on
 * 8080 for a server started elsewhere ({@code -Pdocker}). Management (metrics, health) is on 9000 with the same
 * scheme.
 */
public final class TestServer {

    private TestServer() {}

    /**
     * {@code kc.test.server} as the framework reads it: a system property ({@code -Pdocker} sets {@code remote}),
     * else {@code keycloak-test.properties}. Read here rather than through the framework's Config, whose value-type
     * aliases are only registered once the framework has started.
     */
    private static boolean production() {
        String server = System.getProperty("kc.test.server");
        if (server == null) {
            java.util.Properties properties = new java.util.Properties();
            try (java.io.InputStream in = TestServer.class.getResourceAsStream("/keycloak-test.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server = properties.getProperty("kc.test.server");
        }
        return "production".equals(server);
    }

    /** For example {@code https://localhost:8443}; realm URLs are {@code BASE_URL + "/realms/" + name}. */
    public static final String BASE_URL = production() ? "https://localhost:8443" : "http://localhost:8080";

    public static final String MANAGEMENT_URL = production() ? "https://localhost:9000" : "http://localhost:9000";

    /** A raw connection to the server (TLS when it serves HTTPS), for tests that must control the bytes sent. */
    public static java.net.Socket connect() throws java.io.IOException {
        java.net.URI base = java.net.URI.create(BASE_URL);
        if ("https".equals(base.getScheme())) {
            javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket)
                    javax.net.ssl.SSLSocketFactory.getDefault().createSocket(base.getHost(), base.getPort());
            socket.startHandshake();
            return socket;
        }
        return new java.net.Socket(base.getHost(), base.getPort());
    }

    /** The {@code Host} header value for {@link #connect()}. */
    public static String hostHeader() {
        java.net.URI base = java.net.URI.create(BASE_URL);
        return base.getHost() + ":" + base.getPort();
    }

    /** The PEM certificate the production server serves (for tools such as curl), absent for other server modes. */
    public static java.util.Optional<java.nio.file.Path> certificate() {
        return production()
                ? java.util.Optional.of(home().getParent().resolve("server-tls.crt"))
                : java.util.Optional.empty();
    }

    /** The production server's folder, or the framework's distribution folder when another server mode runs. */
    static java.nio.file.Path home() {
        return production()
                ? java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "b2bpack-keycloak", "keycloak-26.7.3")
                : java.nio.file.Path.of(
                        System.getProperty("java.io.tmpdir"), "kc-test-framework", "keycloak", "keycloak-26.7.3");
    }
}
