package io.github.b2bpack.org.ownership;

/**
 * The result of checking a domain's challenge record, with the HTTP status and API error code the
 * caller sees: a missing or wrong record is the caller's to fix (422); a resolver that did not answer
 * is temporary (503, retry later).
 */
public enum DnsVerdict {
    VERIFIED(200, null),
    NO_RECORD(422, "dns_record_not_found"),
    WRONG_VALUE(422, "dns_record_mismatch"),
    DNS_UNAVAILABLE(503, "dns_unavailable");

    private final int status;
    private final String error;

    DnsVerdict(int status, String error) {
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Judges a lookup of {@code _b2bpack-challenge.<domain>} against the claim's token. */
    public static DnsVerdict of(TxtLookup lookup, String token) {
        if (lookup instanceof TxtLookup.Records records) {
            if (records.values().isEmpty()) {
                return NO_RECORD;
            }
            return DomainChallenge.matches(records.values(), token) ? VERIFIED : WRONG_VALUE;
        }
        return lookup instanceof TxtLookup.NoSuchName ? NO_RECORD : DNS_UNAVAILABLE;
    }

    /** A message for the caller, naming the record and never the records' content. */
    public String describe(String domain, TxtLookup lookup) {
        String record = DomainChallenge.recordName(domain);
        return switch (this) {
            case VERIFIED -> "verified";
            case NO_RECORD ->
                "no TXT record at " + record + "; publish the value shown in email_domains[].challenge and retry";
            case WRONG_VALUE -> "the TXT records at " + record + " do not hold this organization's challenge value";
            case DNS_UNAVAILABLE ->
                "could not check " + record + ": "
                        + (lookup instanceof TxtLookup.Unavailable u ? u.reason() : "no answer") + "; retry later";
        };
    }
}
