package io.github.b2bpack.org.ownership;

import java.util.List;

/** What a DNS TXT query answered. */
public sealed interface TxtLookup {

    /** The name exists; its TXT records (possibly none). */
    record Records(List<String> values) implements TxtLookup {
        public Records {
            values = List.copyOf(values);
        }
    }

    /** NXDOMAIN: the name does not exist. */
    record NoSuchName() implements TxtLookup {}

    /** No usable answer: timeout, SERVFAIL, refused, malformed answer. The reason holds no secret. */
    record Unavailable(String reason) implements TxtLookup {}
}
