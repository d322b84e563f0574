package io.github.b2bpack.password.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/** The Keycloak glue, on credential models built exactly as an import builds them. */
class LegacyPasswordHashProviderTest {

    @Test
    void bcryptVerifiesAndNeverPassesThePolicyCheck() {
        PasswordHashProvider provider = provider(new BcryptPasswordHashProviderFactory(), Map.of());
        String encoded = OpenBSDBCrypt.generate("2b", "old secret".getBytes(StandardCharsets.UTF_8), new byte[16], 4);
        PasswordCredentialModel credential = credential("bcrypt", encoded, null, Map.of());
        assertTrue(provider.verify("old secret", credential));
        assertFalse(provider.verify("old secreT", credential));
        assertFalse(provider.verify(null, credential));
        assertFalse(provider.policyCheck(PasswordPolicy.empty(), credential));
    }

    @Test
    void encodingIsRefusedWithAModelException() {
        PasswordHashProvider provider = provider(new ScryptPasswordHashProviderFactory(), Map.of());
        ModelException refused = assertThrows(ModelException.class, () -> provider.encodedCredential("new secret", 1));
        assertFalse(refused.getMessage().contains("new secret"));
    }

    @Test
    void malformedOrHostileStoredHashesJustFail() {
        PasswordHashProvider argon2 = provider(new Argon2PhcPasswordHashProviderFactory(), Map.of());
        assertFalse(argon2.verify(
                "x",
                credential(
                        "argon2-phc",
                        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
                        null,
                        Map.of())));
        assertFalse(argon2.verify("x", credential("argon2-phc", "garbage", null, Map.of())));
        assertFalse(argon2.verify("x", credential("argon2-phc", null, null, Map.of())));
        PasswordHashProvider bcrypt = provider(new BcryptPasswordHashProviderFactory(), Map.of("max-cost", "4"));
        String cost5 = OpenBSDBCrypt.generate("2b", "pw".getBytes(StandardCharsets.UTF_8), new byte[16], 5);
        assertFalse(bcrypt.verify("pw", credential("bcrypt", cost5, null, Map.of())));
    }

    @Test
    void saltedSha1ReadsSaltAndPositionFromTheCredential() throws Exception {
        PasswordHashProvider sha1 = provider(new Sha1PasswordHashProviderFactory(), Map.of());
        byte[] salt = "pepper-not".getBytes(StandardCharsets.UTF_8);
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-1");
        md.update("letmein".getBytes(StandardCharsets.UTF_8));
        md.update(salt);
        String hex = java.util.HexFormat.of().formatHex(md.digest());
        PasswordCredentialModel after = credential(
                "sha1", hex, Base64.getEncoder().encodeToString(salt), Map.of("saltPosition", List.of("after")));
        assertTrue(sha1.verify("letmein", after));
        PasswordCredentialModel before = credential(
                "sha1", hex, Base64.getEncoder().encodeToString(salt), Map.of("saltPosition", List.of("before")));
        assertFalse(sha1.verify("letmein", before));
        PasswordCredentialModel missingPosition =
                credential("sha1", hex, Base64.getEncoder().encodeToString(salt), Map.of());
        assertFalse(sha1.verify("letmein", missingPosition));
    }

    @Test
    void unsaltedMd5() {
        PasswordHashProvider md5 = provider(new Md5PasswordHashProviderFactory(), Map.of());
        assertTrue(md5.verify("abc", credential("md5", "900150983cd24fb0d6963f7d28e17f72", null, Map.of())));
        assertFalse(md5.verify(
                "abc",
                credential(
                        "md5",
                        "900150983cd24fb0d6963f7d28e17f72",
                        "c2FsdA==",
                        Map.of("saltPosition", List.of("after")))));
    }

    @Test
    void hostilePasswordsNeitherThrowNorMatch() {
        List<String> hostile = List.of(
                "", "a".repeat(1 << 20), "\u0000", "pw\u0000tail", "\uD800", "\uDFFFx", "\u202Eevil\u202C", "🔑🙂👍🏽");
        String bcrypt = OpenBSDBCrypt.generate("2b", "real password".getBytes(StandardCharsets.UTF_8), new byte[16], 4);
        List<PasswordHashProvider> providers = List.of(
                provider(new BcryptPasswordHashProviderFactory(), Map.of()),
                provider(new ScryptPasswordHashProviderFactory(), Map.of()),
                provider(new Argon2PhcPasswordHashProviderFactory(), Map.of()),
                provider(new Md5PasswordHashProviderFactory(), Map.of()),
                provider(new Sha1PasswordHashProviderFactory(), Map.of()));
        List<PasswordCredentialModel> credentials = List.of(
                credential("bcrypt", bcrypt, null, Map.of()),
                credential(
                        "scrypt",
                        "$scrypt$ln=4,r=8,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                        null,
                        Map.of()),
                credential(
                        "argon2-phc", "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA", null, Map.of()),
                credential("md5", "900150983cd24fb0d6963f7d28e17f72", null, Map.of()),
                credential(
                        "sha1",
                        "a9993e364706816aba3e25717850c26c9cd0d89d",
                        "c2FsdA==",
                        Map.of("saltPosition", List.of("before"))));
        for (int i = 0; i < providers.size(); i++) {
            for (String password : hostile) {
                assertFalse(providers.get(i).verify(password, credentials.get(i)));
            }
        }
        // Emoji and NUL are ordinary UTF-8: a legacy hash of them verifies.
        String emoji = OpenBSDBCrypt.generate("2b", "🔑\u0000🙂".getBytes(StandardCharsets.UTF_8), new byte[16], 4);
        assertTrue(providers.get(0).verify("🔑\u0000🙂", credential("bcrypt", emoji, null, Map.of())));
    }

    @Test
    void verificationsAreCountedPerAlgorithmAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            PasswordHashProvider md5 = provider(new Md5PasswordHashProviderFactory(), Map.of());
            md5.verify("abc", credential("md5", "900150983cd24fb0d6963f7d28e17f72", null, Map.of()));
            md5.verify("abd", credential("md5", "900150983cd24fb0d6963f7d28e17f72", null, Map.of()));
            md5.verify("abc", credential("md5", "not a digest", null, Map.of()));
            for (String outcome : List.of("match", "mismatch", "rejected")) {
                assertEquals(
                        1.0,
                        registry.get("b2bpack.password.legacy.verifications")
                                .tags("algorithm", "md5", "outcome", outcome)
                                .counter()
                                .count(),
                        outcome);
            }
            assertEquals(
                    0.0,
                    registry.get("b2bpack.password.legacy.verifications")
                            .tags("algorithm", "md5", "outcome", "error")
                            .counter()
                            .count());
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    /** The import examples of docs/password-policy-provider.md, value for value. */
    @Test
    void documentedImportExamplesVerify() {
        assertTrue(provider(new BcryptPasswordHashProviderFactory(), Map.of())
                .verify(
                        "rasmuslerdorf",
                        credential(
                                "bcrypt",
                                "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
                                null,
                                Map.of())));
        assertTrue(provider(new ScryptPasswordHashProviderFactory(), Map.of())
                .verify(
                        "password",
                        credential(
                                "scrypt",
                                "$scrypt$ln=10,r=8,p=16$TmFDbA$/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWIurzDZLiKjiG/xCSedmDDaxyevuUqD7m2DYMvfoswGQA",
                                null,
                                Map.of())));
        assertTrue(provider(new Argon2PhcPasswordHashProviderFactory(), Map.of())
                .verify(
                        "password",
                        credential(
                                "argon2-phc",
                                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                                null,
                                Map.of())));
        PasswordHashProvider md5 = provider(new Md5PasswordHashProviderFactory(), Map.of());
        assertTrue(md5.verify("message digest", credential("md5", "f96b697d7cb7938d525a2f31aaf161d0", null, Map.of())));
        assertTrue(md5.verify(
                "correct horse",
                credential(
                        "md5",
                        "219773a583d01e247fba685932799d38",
                        "eDkhS3Ey",
                        Map.of("saltPosition", List.of("before")))));
        PasswordHashProvider sha1 = provider(new Sha1PasswordHashProviderFactory(), Map.of());
        assertTrue(sha1.verify(
                "correct horse",
                credential(
                        "sha1", "t8sogywFDAyxBkmIUOorLyGq8eU=", "eDkhS3Ey", Map.of("saltPosition", List.of("after")))));
        assertTrue(sha1.verify("abc", credential("sha1", "a9993e364706816aba3e25717850c26c9cd0d89d", null, Map.of())));
        assertEquals("x9!Kq2", new String(Base64.getDecoder().decode("eDkhS3Ey"), StandardCharsets.UTF_8));
    }

    @Test
    void outOfRangeOptionsFailStartupWithTheOptionName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> provider(new BcryptPasswordHashProviderFactory(), Map.of("max-cost", "40")));
        assertTrue(e.getMessage().contains("spi-password-hashing--bcrypt--max-cost=40"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> provider(new ScryptPasswordHashProviderFactory(), Map.of("max-memory-kib", "lots")));
        assertThrows(
                IllegalArgumentException.class,
                () -> provider(new Argon2PhcPasswordHashProviderFactory(), Map.of("max-concurrent", "0")));
    }

    @Test
    void everyOptionIsDescribed() {
        assertEquals(List.of("max-cost", "max-concurrent"), names(new BcryptPasswordHashProviderFactory()));
        assertEquals(
                List.of("max-memory-kib", "max-parallelism", "max-concurrent"),
                names(new ScryptPasswordHashProviderFactory()));
        assertEquals(
                List.of("max-memory-kib", "max-iterations", "max-parallelism", "max-concurrent"),
                names(new Argon2PhcPasswordHashProviderFactory()));
        assertEquals(List.of("max-concurrent"), names(new Md5PasswordHashProviderFactory()));
    }

    private static List<String> names(LegacyPasswordHashProviderFactory factory) {
        return factory.getConfigMetadata().stream().map(p -> p.getName()).toList();
    }

    static PasswordHashProvider provider(LegacyPasswordHashProviderFactory factory, Map<String, String> options) {
        factory.init(new MapScope(options));
        return factory.create(null);
    }

    static PasswordCredentialModel credential(
            String algorithm, String value, String salt, Map<String, List<String>> parameters) {
        try {
            return PasswordCredentialModel.createFromValues(
                    new PasswordCredentialData(-1, algorithm, new HashMap<>(parameters)),
                    new PasswordSecretData(value, salt, null));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SPI options as the server would pass them. */
    private static final class MapScope extends Config.AbstractScope {

        private final Map<String, String> values;

        MapScope(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public Config.Scope scope(String... scope) {
            return this;
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Config.Scope root() {
            return this;
        }
    }
}
