package io.github.b2bpack.sms.sender.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignerTest {

    @Test
    void signatureMatchesAnIndependentComputation() {
        // printf '1700000000.{"to":"+33612345678"}' | openssl dgst -sha256 -hmac 'shh'
        assertEquals(
                "v1=d31211e4367e99992ce4084066a6162835fb647daf354edd4eeedcf21e5a4eb8",
                HmacSigner.sign(
                        "shh".getBytes(StandardCharsets.UTF_8),
                        1_700_000_000L,
                        "{\"to\":\"+33612345678\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
