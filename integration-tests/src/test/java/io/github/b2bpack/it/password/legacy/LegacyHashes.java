package io.github.b2bpack.it.password.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Legacy hashes as other systems stored them: published test vectors, and fresh ones generated here
 * with BouncyCastle and the JDK (random salts, so nothing is a hard-coded unverifiable string).
 */
final class LegacyHashes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder PHC_B64 = Base64.getEncoder().withoutPadding();

    /**
     * One imported credential: the provider id, what goes in {@code secretData} and
     * {@code credentialData.additionalParameters}, and the password that matches it.
     */
    record LegacyCredential(
            String name,
            String algorithm,
            String password,
            String value,
            String saltBase64,
            Map<String, List<String>> additionalParameters) {

        @Override
        public String toString() {
            return name;
        }
    }

    private LegacyHashes() {}

    static List<LegacyCredential> all() {
        return List.of(
                // jBCrypt / OpenBSD test suite vector.
                phc(
                        "bcrypt $2a$ vector",
                        "bcrypt",
                        "abc",
                        "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"),
                // password_verify() example of the PHP manual.
                phc(
                        "bcrypt $2y$ vector",
                        "bcrypt",
                        "rasmuslerdorf",
                        "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"),
                bcrypt("2b", "Bcrypt-Ünïcode-✓-2b"),
                // RFC 7914 section 12 vector, written as a PHC string.
                phc(
                        "scrypt RFC 7914 vector",
                        "scrypt",
                        "password",
                        "$scrypt$ln=10,r=8,p=16$" + PHC_B64.encodeToString("NaCl".getBytes(StandardCharsets.US_ASCII))
                                + "$"
                                + PHC_B64.encodeToString(HexFormat.of()
                                        .parseHex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"))),
                scrypt("Scrypt-Generated-Pass-42"),
                // phc-winner-argon2 src/test.c vectors.
                phc(
                        "argon2i reference vector",
                        "argon2-phc",
                        "password",
                        "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"),
                phc(
                        "argon2id reference vector",
                        "argon2-phc",
                        "password",
                        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"),
                argon2("argon2d", Argon2Parameters.ARGON2_d, "Argon2d-Generated-Pass-7"),
                argon2("argon2id", Argon2Parameters.ARGON2_id, "Argon2id-Generated-Pass-8"),
                // RFC 1321 A.5 and FIPS 180 / RFC 3174 vectors, unsalted.
                phc("md5 unsalted RFC 1321 vector", "md5", "message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
                digest("md5 salted before, hex", "md5", "MD5", "Md5-Salt-Before-1", "before", true),
                digest("md5 salted after, base64", "md5", "MD5", "Md5-Salt-After-2", "after", false),
                phc("sha1 unsalted FIPS 180 vector", "sha1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
                digest("sha1 salted before, base64", "sha1", "SHA-1", "Sha1-Salt-Before-3", "before", false),
                digest("sha1 salted after, hex", "sha1", "SHA-1", "Sha1-Salt-After-4", "after", true));
    }

    /** A self-describing hash string (bcrypt, PHC) or an unsalted digest, as stored. */
    static LegacyCredential phc(String name, String algorithm, String password, String value) {
        return new LegacyCredential(name, algorithm, password, value, null, Map.of());
    }

    static LegacyCredential bcrypt(String version, String password) {
        String value = OpenBSDBCrypt.generate(version, password.getBytes(StandardCharsets.UTF_8), randomBytes(16), 10);
        return phc("bcrypt $" + version + "$ generated", "bcrypt", password, value);
    }

    static LegacyCredential scrypt(String password) {
        byte[] salt = randomBytes(16);
        byte[] hash = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, 1 << 14, 8, 1, 32);
        return phc(
                "scrypt generated",
                "scrypt",
                password,
                "$scrypt$ln=14,r=8,p=1$" + PHC_B64.encodeToString(salt) + "$" + PHC_B64.encodeToString(hash));
    }

    static LegacyCredential argon2(String id, int type, String password) {
        byte[] salt = randomBytes(16);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(19456)
                .withIterations(2)
                .withParallelism(1)
                .withSalt(salt)
                .build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return phc(
                id + " generated",
                "argon2-phc",
                password,
                "$" + id + "$v=19$m=19456,t=2,p=1$" + PHC_B64.encodeToString(salt) + "$"
                        + PHC_B64.encodeToString(hash));
    }

    static LegacyCredential digest(
            String name, String algorithm, String jdkAlgorithm, String password, String position, boolean hex) {
        byte[] salt = randomBytes(12);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(jdkAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(position.equals("before") ? salt : pw);
        md.update(position.equals("before") ? pw : salt);
        byte[] digest = md.digest();
        String value =
                hex ? HexFormat.of().formatHex(digest) : Base64.getEncoder().encodeToString(digest);
        return new LegacyCredential(
                name,
                algorithm,
                password,
                value,
                Base64.getEncoder().encodeToString(salt),
                Map.of("saltPosition", List.of(position)));
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
