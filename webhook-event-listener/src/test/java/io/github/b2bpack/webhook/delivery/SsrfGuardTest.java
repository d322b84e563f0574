package io.github.b2bpack.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard through an injected resolver that answers as DNS does: Inet6Address objects for AAAA records. */
class SsrfGuardTest {

    private static final Map<String, InetAddress[]> ZONE = Map.of(
            "mapped-metadata.example", new InetAddress[] {Ipv6.of("::ffff:a9fe:a9fe")},
            "mapped-loopback.example", new InetAddress[] {Ipv6.of("::ffff:7f00:1")},
            "teredo.example", new InetAddress[] {Ipv6.of("2001:0:808:808::5601:5601")},
            "nat64.example", new InetAddress[] {Ipv6.of("64:ff9b::a9fe:a9fe")},
            "sixtofour.example", new InetAddress[] {Ipv6.of("2002:c0a8:101::1")},
            "public.example",
                    new InetAddress[] {Ipv6.v4("93.184.216.34"), Ipv6.of("2606:2800:220:1:248:1893:25c8:1946")},
            "mixed.example", new InetAddress[] {Ipv6.v4("93.184.216.34"), Ipv6.of("::ffff:a9fe:a9fe")});

    private static final HostResolver DNS = host -> {
        InetAddress[] answer = ZONE.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return answer;
    };

    @Test
    void saveRefusesNamesResolvingToTransitionFormsOfInternalAddresses() {
        SsrfGuard guard = new SsrfGuard(AddressPolicy.parse(""), DNS);
        for (String host : new String[] {
            "mapped-metadata.example",
            "mapped-loopback.example",
            "teredo.example",
            "nat64.example",
            "sixtofour.example",
            "mixed.example"
        }) {
            assertNotNull(guard.problemAtSave(host), host);
        }
        assertNull(guard.problemAtSave("public.example"));
        assertEquals("target_url host does not resolve", guard.problemAtSave("nowhere.example"));
    }

    @Test
    void connectKeepsOnlyPermittedAddresses() throws Exception {
        SsrfGuard guard = new SsrfGuard(AddressPolicy.parse(""), DNS);
        assertArrayEquals(new InetAddress[] {Ipv6.v4("93.184.216.34")}, guard.permittedAddresses("mixed.example"));
        UnknownHostException refused =
                assertThrows(UnknownHostException.class, () -> guard.permittedAddresses("mapped-metadata.example"));
        assertEquals(SsrfGuard.REFUSED, refused.getMessage());
    }

    /** DNS rebinding: the name answers a public address at save, then a mapped metadata address at connect. */
    @Test
    void aNameThatChangesItsAnswerAfterTheSaveIsRefusedAtConnect() {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {Ipv6.v4("93.184.216.34")}
                : new InetAddress[] {Ipv6.of("::ffff:a9fe:a9fe")};
        SsrfGuard guard = new SsrfGuard(AddressPolicy.parse(""), rebinding);
        assertNull(guard.problemAtSave("rebind.example"));
        assertThrows(UnknownHostException.class, () -> guard.permittedAddresses("rebind.example"));
        assertThrows(UnknownHostException.class, () -> new GuardedDnsResolver(guard).resolve("rebind.example"));
    }

    @Test
    void theAllowListAppliesToTheEmbeddedAddressToo() {
        SsrfGuard guard = new SsrfGuard(AddressPolicy.parse("127.0.0.0/8"), DNS);
        assertNull(guard.problemAtSave("mapped-loopback.example"));
        assertNotNull(guard.problemAtSave("mapped-metadata.example"));
    }
}
