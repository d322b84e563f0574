package io.github.b2bpack.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedIpv4Test {

    private static List<String> embedded(String v6) {
        return EmbeddedIpv4.of(Ipv6.of(v6)).stream()
                .map(InetAddress::getHostAddress)
                .toList();
    }

    @Test
    void findsTheIpv4OfEachTransitionForm() {
        assertEquals(List.of("169.254.169.254"), embedded("::ffff:a9fe:a9fe")); // mapped
        assertEquals(List.of("169.254.169.254"), embedded("::ffff:0:a9fe:a9fe")); // translated
        assertEquals(List.of("169.254.169.254"), embedded("::a9fe:a9fe")); // compatible
        assertEquals(List.of("127.0.0.1"), embedded("64:ff9b::7f00:1")); // NAT64 /96
        assertEquals(List.of("10.0.0.1"), embedded("2002:a00:1::1")); // 6to4
        assertEquals(
                List.of("8.8.8.8", "169.254.169.254"), embedded("2001:0:808:808::5601:5601")); // Teredo server, client
        List<String> local = embedded("64:ff9b:1:7f00:1::"); // local-use NAT64: every position
        assertEquals(4, local.size());
        assertTrue(local.contains("127.0.1.0"), local.toString());
    }

    @Test
    void plainAddressesEmbedNothing() {
        assertTrue(embedded("2606:2800:220:1:248:1893:25c8:1946").isEmpty());
        assertTrue(embedded("2001:db8::1").isEmpty()); // documentation prefix, not Teredo (2001:0::/32)
        assertTrue(EmbeddedIpv4.of(Ipv6.v4("10.0.0.1")).isEmpty());
    }
}
