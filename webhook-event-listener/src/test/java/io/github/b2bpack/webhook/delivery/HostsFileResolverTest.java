package io.github.b2bpack.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * The guard through the JDK's real resolver ({@link HostResolver#SYSTEM}), reading {@code src/test/resources/ssrf-hosts}
 * ({@code -Djdk.net.hosts.file}, set by this class's own surefire execution). The JDK's hosts-file reader turns
 * {@code ::ffff:a.b.c.d} into IPv4 (the system resolver keeps it IPv6: covered by SsrfGuardTest's injected answers);
 * the other transition forms arrive as the Inet6Address objects DNS would give.
 */
class HostsFileResolverTest {

    private final SsrfGuard guard = new SsrfGuard(AddressPolicy.parse(""), HostResolver.SYSTEM);

    @Test
    void namesResolvingToTransitionFormsOfInternalAddressesAreRefused() throws Exception {
        assumeTrue(System.getProperty("jdk.net.hosts.file") != null, "run by the hosts-file surefire execution");
        assertInstanceOf(
                Inet6Address.class, InetAddress.getAllByName("teredo-metadata.ssrf.test")[0], "the JDK keeps it IPv6");
        for (String host : new String[] {
            "teredo-metadata.ssrf.test",
            "translated-metadata.ssrf.test",
            "compatible-metadata.ssrf.test",
            "nat64-metadata.ssrf.test",
            "nat64-local-loopback.ssrf.test",
            "sixtofour-private.ssrf.test",
            "mapped-metadata.ssrf.test",
            "mixed.ssrf.test"
        }) {
            assertNotNull(guard.problemAtSave(host), host);
        }
        for (String host :
                new String[] {"teredo-metadata.ssrf.test", "translated-metadata.ssrf.test", "mapped-metadata.ssrf.test"
                }) {
            assertThrows(java.net.UnknownHostException.class, () -> guard.permittedAddresses(host), host);
        }
        assertEquals(1, guard.permittedAddresses("mixed.ssrf.test").length, "only the public answer is kept");
        assertNull(guard.problemAtSave("teredo-public.ssrf.test"));
        assertNull(guard.problemAtSave("public.ssrf.test"));
    }
}
