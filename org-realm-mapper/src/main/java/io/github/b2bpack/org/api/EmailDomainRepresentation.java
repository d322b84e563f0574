package io.github.b2bpack.org.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.b2bpack.org.model.EmailDomainClaim;
import io.github.b2bpack.org.ownership.DomainChallenge;
import java.time.Instant;

/**
 * One claimed email domain with its ownership state and the DNS challenge that proves it. The
 * challenge value is no secret: it is meant to be published in public DNS.
 */
@JsonPropertyOrder({"__type__", "domain", "status", "verified_at", "verified_by", "challenge"})
public record EmailDomainRepresentation(
        @JsonProperty("__type__") String type,
        @JsonProperty("domain") String domain,
        @JsonProperty("status") String status,
        @JsonProperty("verified_at") String verifiedAt,
        @JsonProperty("verified_by") String verifiedBy,
        @JsonProperty("challenge") Challenge challenge) {

    public static final String TYPE = "EmailDomain";

    /** @param type always {@value #DNS_TXT} */
    public record Challenge(
            @JsonProperty("type") String type,
            @JsonProperty("record_name") String recordName,
            @JsonProperty("record_value") String recordValue) {

        public static final String DNS_TXT = "dns_txt";
    }

    public static EmailDomainRepresentation of(EmailDomainClaim claim) {
        return new EmailDomainRepresentation(
                TYPE,
                claim.domain(),
                claim.status(),
                claim.verifiedAt() == null
                        ? null
                        : Instant.ofEpochMilli(claim.verifiedAt()).toString(),
                claim.verifiedBy(),
                claim.challenge() == null
                        ? null
                        : new Challenge(
                                Challenge.DNS_TXT,
                                DomainChallenge.recordName(claim.domain()),
                                DomainChallenge.recordValue(claim.challenge())));
    }
}
