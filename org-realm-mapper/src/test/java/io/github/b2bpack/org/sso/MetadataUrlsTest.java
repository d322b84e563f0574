package io.github.b2bpack.org.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataUrlsTest {

    private static final Map<String, String[]> DNS = Map.of(
            "idp.example", new String[] {"93.184.216.34"},
            "mixed.example", new String[] {"93.184.216.34", "10.0.0.5"},
            "metadata.internal", new String[] {"169.254.169.254"});

    private final MetadataUrls.Resolver dns = host -> {
        String[] ips = DNS.get(host);
        if (ips == null) {
            if (host.chars()
                    .allMatch(c -> Character.isDigit(c)
                            || c == '.'
                            || c == ':'
                            || c == '['
                            || c == ']'
                            || Character.isLetter(c) && "abcdef".indexOf(Character.toLowerCase(c)) >= 0)) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getByName(ips[i]);
        }
        return out;
    };

    @Test
    void aPublicHttpsHostPasses() {
        assertEquals(
                "idp.example",
                MetadataUrls.check("https://idp.example/metadata", Set.of(), dns)
                        .getHost());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://idp.example/metadata",
                "file:///etc/passwd",
                "https://user:pw@idp.example/",
                "https://mixed.example/",
                "https://metadata.internal/latest",
                "https://127.0.0.1:9000/metrics",
                "https://10.1.2.3/",
                "https://192.168.1.1/",
                "https://100.64.0.1/",
                "https://[::1]/",
                "https://[fd00::1]/",
                "https://[::ffff:127.0.0.1]/",
                "https://0.0.0.0/",
                "https://nowhere.invalid/",
                "not a url"
            })
    void privateOrOddTargetsAreRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> MetadataUrls.check(url, Set.of(), dns));
    }

    @Test
    void publicAddresses() throws Exception {
        assertTrue(MetadataUrls.isPublic(InetAddress.getByName("8.8.8.8")));
        assertTrue(MetadataUrls.isPublic(InetAddress.getByName("2001:4860:4860::8888")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("fe80::1")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("224.0.0.1")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("255.255.255.255")));
        // IPv6 forms that embed a private IPv4 address (the cloud metadata service here).
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("64:ff9b::a9fe:a9fe")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("2002:a9fe:a9fe::1")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("2001:0:4136:e378:8000:63bf:3fff:fdd2")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("::a9fe:a9fe")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("64:ff9b:1::1")));
        assertFalse(MetadataUrls.isPublic(InetAddress.getByName("2001:db8::1")));
        assertTrue(MetadataUrls.isPublic(InetAddress.getByName("64:ff9b::808:808")));
        assertTrue(MetadataUrls.isPublic(InetAddress.getByName("2002:808:808::1")));
    }
}
