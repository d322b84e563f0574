package io.github.b2bpack.sms.directgrant;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client ids allowed to use the password grant for users who have an SMS second factor.
 * The admin console stores a multivalued string as values joined by {@code ##}; an operator writing
 * the configuration by hand (JSON import, kcadm) naturally writes a comma list, so both are read.
 * Client ids are compared exactly (Keycloak client ids are case-sensitive): a near miss must never
 * open the bypass.
 */
public record ExemptClients(Set<String> clientIds) {

    public static final ExemptClients NONE = new ExemptClients(Set.of());

    public ExemptClients {
        clientIds = Set.copyOf(clientIds);
    }

    /** Parses a stored configuration value; null, blank or only separators mean "no client is exempt". */
    public static ExemptClients parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        return new ExemptClients(Arrays.stream(raw.split("##|,"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean exempts(String clientId) {
        return clientId != null && clientIds.contains(clientId);
    }
}
