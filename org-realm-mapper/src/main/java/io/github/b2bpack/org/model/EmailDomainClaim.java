package io.github.b2bpack.org.model;

/**
 * An organization's claim on an email domain and the state of its proof.
 *
 * @param domain     normalized domain
 * @param status     {@value #PENDING} or {@value #VERIFIED}
 * @param challenge  random token of this claim (the TXT value is derived from it); null only for rows
 *                   from before ownership checks until the next server start fills it in
 * @param verifiedAt epoch milliseconds, null while pending
 * @param verifiedBy {@value #BY_DNS} or {@value #BY_MANUAL}, null while pending
 */
public record EmailDomainClaim(String domain, String status, String challenge, Long verifiedAt, String verifiedBy) {

    public static final String PENDING = "pending";
    public static final String VERIFIED = "verified";
    public static final String BY_DNS = "dns";
    public static final String BY_MANUAL = "manual";

    public boolean verified() {
        return VERIFIED.equals(status);
    }
}
