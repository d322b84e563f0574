package io.github.b2bpack.it.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code make-fixture.sh} wrote for one database: the gzipped dump and the values the test checks against
 * (ids, the webhook's signing key as shown once at creation, the old user's password). All are test-only.
 */
record UpgradeFixture(
        Path dump,
        String fromCommit,
        String adminUsername,
        String adminPassword,
        String realm,
        String client,
        String user,
        String userPassword,
        String webhookId,
        String webhookSignatureKey,
        String pendingDeliveryId,
        String organization,
        String organizationEmail) {

    /** {@code upgrade/fixture-<db>.properties} and {@code upgrade/<db>.sql.gz} from the test resources. */
    static UpgradeFixture load(String db) {
        Properties p = new Properties();
        String name = "upgrade/fixture-" + db + ".properties";
        try (InputStream in = UpgradeFixture.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: run make-fixture.sh");
            }
            p.load(in);
            Path dump = Path.of(UpgradeFixture.class
                    .getClassLoader()
                    .getResource("upgrade/" + db + ".sql.gz")
                    .toURI());
            return new UpgradeFixture(
                    dump,
                    p.getProperty("from-commit"),
                    p.getProperty("admin-username"),
                    p.getProperty("admin-password"),
                    p.getProperty("realm"),
                    p.getProperty("client"),
                    p.getProperty("user"),
                    p.getProperty("user-password"),
                    p.getProperty("webhook-id"),
                    p.getProperty("webhook-signature-key"),
                    p.getProperty("pending-delivery-id"),
                    p.getProperty("organization"),
                    p.getProperty("organization-email"));
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
