package io.github.b2bpack.org.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.testsupport.FakeDnsServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK's DNS client against a loopback server speaking the real protocol (UDP, TCP on truncation). */
class DnsTxtResolverTest {

    private final FakeDnsServer dns = new FakeDnsServer(0);
    private final DnsTxtResolver resolver = new DnsTxtResolver(dns.address(), 300, 0);

    @AfterEach
    void close() {
        dns.close();
    }

    @Test
    void readsTxtRecordsOfAName() {
        String token = DomainChallenge.newToken();
        dns.putTxt("_b2bpack-challenge.acme.example", "v=spf1 -all", DomainChallenge.recordValue(token));
        TxtLookup lookup = resolver.lookup("_b2bpack-challenge.ACME.example");
        TxtLookup.Records records = assertInstanceOf(TxtLookup.Records.class, lookup);
        assertEquals(2, records.values().size(), records.values().toString());
        assertEquals(DnsVerdict.VERIFIED, DnsVerdict.of(lookup, token));
        assertEquals(DnsVerdict.WRONG_VALUE, DnsVerdict.of(lookup, DomainChallenge.newToken()));
        assertTrue(
                dns.questions().contains("TXT _b2bpack-challenge.acme.example"),
                dns.questions().toString());
    }

    @Test
    void anUnknownNameIsNoRecordAndAKnownNameWithoutTxtToo() {
        assertInstanceOf(TxtLookup.NoSuchName.class, resolver.lookup("_b2bpack-challenge.nowhere.example"));
        dns.putTxt("_b2bpack-challenge.empty.example");
        TxtLookup empty = resolver.lookup("_b2bpack-challenge.empty.example");
        assertEquals(DnsVerdict.NO_RECORD, DnsVerdict.of(empty, DomainChallenge.newToken()));
    }

    @Test
    void aLongRecordComesOverTcpAfterATruncatedUdpAnswer() {
        String token = DomainChallenge.newToken();
        String[] values = new String[6];
        for (int i = 0; i < 5; i++) {
            values[i] = "filler-" + i + "-" + "x".repeat(300);
        }
        values[5] = DomainChallenge.recordValue(token);
        dns.putTxt("_b2bpack-challenge.big.example", values);
        TxtLookup lookup = resolver.lookup("_b2bpack-challenge.big.example");
        assertEquals(DnsVerdict.VERIFIED, DnsVerdict.of(lookup, token), lookup.toString());
        assertTrue(dns.tcpQueries() >= 1);
    }

    @Test
    void aSilentServerIsUnavailableWithinTheTimeout() {
        dns.silence("_b2bpack-challenge.slow.example");
        long start = System.nanoTime();
        TxtLookup lookup = resolver.lookup("_b2bpack-challenge.slow.example");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(TxtLookup.Unavailable.class, lookup);
        assertEquals(DnsVerdict.DNS_UNAVAILABLE, DnsVerdict.of(lookup, DomainChallenge.newToken()));
        assertTrue(millis < 3_000, millis + " ms");
    }

    @Test
    void settingsAreChecked() {
        assertEquals("dns:", new DnsTxtResolver(null, 1000, 1).providerUrl());
        assertEquals("dns://127.0.0.1:53", new DnsTxtResolver(" 127.0.0.1:53 ", 1000, 1).providerUrl());
        assertEquals("dns://[::1]:53", new DnsTxtResolver("[::1]:53", 1000, 1).providerUrl());
        for (String bad : List.of("127.0.0.1:0", "host:port", "a b:53", "127.0.0.1:70000", "http://x")) {
            assertThrows(IllegalArgumentException.class, () -> new DnsTxtResolver(bad, 1000, 1), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new DnsTxtResolver(null, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new DnsTxtResolver(null, 1000, 9));
    }
}
