package io.github.b2bpack.org.admininvite;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The invitation link's token, signed by the organization's realm. It names the invitation it answers
 * ({@code invited_at}, so the link of an earlier invitation of the same user is refused) and, once the person
 * has chosen on the invitation page, the choice. The accept and decline links share the nonce of the mailed
 * link, so Keycloak's single-use store refuses every one of them after the first answer.
 */
public final class AdminInvitationToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "b2bpack-org-admin-invitation";
    public static final String ACCEPT = "accept";
    public static final String DECLINE = "decline";

    @JsonProperty("b2bpack_invited_at")
    private long invitedAt;

    @JsonProperty("b2bpack_choice")
    private String choice;

    /**
     * @param expiresAt absolute expiry, epoch seconds
     * @param clientId  the client the person lands on (the realm's admin console)
     */
    public AdminInvitationToken(String userId, int expiresAt, String email, long invitedAt, String clientId) {
        super(userId, TOKEN_TYPE, expiresAt, UUID.randomUUID());
        setEmail(email);
        this.invitedAt = invitedAt;
        this.issuedFor = clientId;
    }

    /** For Jackson. */
    private AdminInvitationToken() {}

    public long getInvitedAt() {
        return invitedAt;
    }

    public String getChoice() {
        return choice;
    }

    @JsonIgnore
    public void setChoice(String choice) {
        this.choice = choice;
    }
}
