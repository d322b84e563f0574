package io.github.b2bpack.it.server;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} made for the run (openssl, PEM), served by Keycloak over HTTPS
 * (and by the cluster test's load balancer) and trusted by this JVM's default TLS context, so every HTTP client of
 * the tests (the framework's admin client, {@code java.net.http}) verifies it as a real client would, hostname
 * included.
 */
public final class ServerCertificate {

    private static final String TRUST_PASSWORD = "b2bpack-it-tls";

    private final Path certificate;
    private final Path key;

    private ServerCertificate(Path certificate, Path key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** Certificates made by this JVM, by folder: each run makes its own, so no earlier run's files are trusted. */
    private static final Map<Path, ServerCertificate> MADE = new java.util.HashMap<>();

    /** Makes the certificate in {@code dir} (once per test JVM) and trusts it in this JVM. */
    public static synchronized ServerCertificate forLocalhost(Path dir) {
        ServerCertificate made = MADE.get(dir);
        if (made != null) {
            return made;
        }
        Path certificate = dir.resolve("server-tls.crt");
        Path key = dir.resolve("server-tls.key");
        Path trustStore = dir.resolve("client-trust.p12");
        try {
            Files.createDirectories(dir);
            for (Path stale : List.of(certificate, key, trustStore)) {
                Files.deleteIfExists(stale);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot prepare " + dir, e);
        }
        Commands.run(
                dir,
                60,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-days",
                "2",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Commands.run(
                dir,
                60,
                keytool.toString(),
                "-importcert",
                "-noprompt",
                "-alias",
                "b2bpack-it-server",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                TRUST_PASSWORD);
        trustForThisJvm(trustStore);
        made = new ServerCertificate(certificate, key);
        MADE.put(dir, made);
        return made;
    }

    /** The server options that make Keycloak serve this certificate. */
    public Map<String, String> serverOptions() {
        return Map.of(
                "https-certificate-file", certificate.toString(),
                "https-certificate-key-file", key.toString(),
                // Keycloak calls itself as the customer's identity provider in the brokering tests (token, userinfo):
                // it must trust the certificate as a client too, as it would a real provider's CA.
                "truststore-paths", certificate.toString());
    }

    /** Certificate then key in one PEM file, as HAProxy's {@code crt} wants them. */
    public Path combinedPem(Path dir) throws java.io.IOException {
        Path pem = dir.resolve("server-tls.pem");
        Files.writeString(pem, Files.readString(certificate) + Files.readString(key));
        return pem;
    }

    /**
     * Clients made later through {@code SSLContext.getDefault()} (java.net.http) and clients that build their own
     * context from the {@code javax.net.ssl} properties (the framework's RESTEasy admin client) both trust it.
     */
    private static void trustForThisJvm(Path trustStore) {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", TRUST_PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TRUST_PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLContext.setDefault(context);
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the test server's certificate " + trustStore, e);
        }
    }
}
