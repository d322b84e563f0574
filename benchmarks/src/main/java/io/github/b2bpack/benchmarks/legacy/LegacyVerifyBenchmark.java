package io.github.b2bpack.benchmarks.legacy;

import io.github.b2bpack.password.legacy.format.Argon2PhcHash;
import io.github.b2bpack.password.legacy.format.BcryptHash;
import io.github.b2bpack.password.legacy.format.HashRejected;
import io.github.b2bpack.password.legacy.format.SaltedDigest;
import io.github.b2bpack.password.legacy.format.SaltedDigest.SaltPosition;
import io.github.b2bpack.password.legacy.format.ScryptHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.credential.hash.Pbkdf2PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What verifying one imported legacy hash costs at a user's first login (parse + hash + constant-time
 * compare), at common parameters and at the default caps of the providers, against Keycloak's
 * built-in {@code pbkdf2-sha512} (210,000 iterations) verified in the same run as the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class LegacyVerifyBenchmark {

    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final ScryptHash.Limits SCRYPT_CAPS = new ScryptHash.Limits(131072, 16);
    private static final Argon2PhcHash.Limits ARGON2_CAPS = new Argon2PhcHash.Limits(131072, 16, 16);
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    @Param({
        "pbkdf2-sha512-210000 (baseline)",
        "bcrypt-10",
        "bcrypt-14 (cap)",
        "scrypt-ln14-r8-p1",
        "scrypt-ln17-r8-p1 (memory cap)",
        "argon2id-m19456-t2-p1",
        "argon2id-m131072-t3-p1 (memory cap)",
        "md5-salted",
        "sha1-salted"
    })
    public String hash;

    private Check check;

    /** One verification of {@link #PASSWORD}. */
    @FunctionalInterface
    interface Check {
        boolean run() throws HashRejected;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] pw = PASSWORD.getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String name = hash.split(" ")[0];
        switch (name) {
            case "pbkdf2-sha512-210000" -> {
                CryptoIntegration.init(LegacyVerifyBenchmark.class.getClassLoader());
                Pbkdf2PasswordHashProvider pbkdf2 =
                        new Pbkdf2PasswordHashProvider("pbkdf2-sha512", "PBKDF2WithHmacSHA512", 210_000, 0, 512);
                PasswordCredentialModel credential = pbkdf2.encodedCredential(PASSWORD, 210_000);
                check = () -> pbkdf2.verify(PASSWORD, credential);
            }
            case "bcrypt-10", "bcrypt-14" -> {
                String encoded = OpenBSDBCrypt.generate("2b", pw, salt, Integer.parseInt(name.substring(7)));
                check = () -> BcryptHash.parse(encoded, 14).matches(PASSWORD);
            }
            case "scrypt-ln14-r8-p1", "scrypt-ln17-r8-p1" -> {
                int ln = Integer.parseInt(name.substring(9, 11));
                String encoded = "$scrypt$ln=" + ln + ",r=8,p=1$" + B64.encodeToString(salt) + "$"
                        + B64.encodeToString(SCrypt.generate(pw, salt, 1 << ln, 8, 1, 32));
                check = () -> ScryptHash.parse(encoded, SCRYPT_CAPS).matches(PASSWORD);
            }
            case "argon2id-m19456-t2-p1", "argon2id-m131072-t3-p1" -> {
                String[] p = name.split("-");
                int m = Integer.parseInt(p[1].substring(1));
                int t = Integer.parseInt(p[2].substring(1));
                Argon2BytesGenerator generator = new Argon2BytesGenerator();
                generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(m)
                        .withIterations(t)
                        .withParallelism(1)
                        .withSalt(salt)
                        .build());
                byte[] out = new byte[32];
                generator.generateBytes(pw, out);
                String encoded = "$argon2id$v=19$m=" + m + ",t=" + t + ",p=1$" + B64.encodeToString(salt) + "$"
                        + B64.encodeToString(out);
                check = () -> Argon2PhcHash.parse(encoded, ARGON2_CAPS).matches(PASSWORD);
            }
            case "md5-salted", "sha1-salted" -> {
                String jdk = name.startsWith("md5") ? "MD5" : "SHA-1";
                MessageDigest md = MessageDigest.getInstance(jdk);
                md.update(salt);
                md.update(pw);
                String hex = HexFormat.of().formatHex(md.digest());
                check = () ->
                        SaltedDigest.parse(jdk, hex, salt, SaltPosition.BEFORE).matches(PASSWORD);
            }
            default -> throw new IllegalArgumentException(hash);
        }
        if (!check.run()) {
            throw new IllegalStateException(hash + " does not verify its own password");
        }
    }

    @Benchmark
    public boolean verify() throws HashRejected {
        return check.run();
    }
}
