package io.github.b2bpack.org.ssoonboarding;

import io.github.b2bpack.org.sso.onboarding.OnboardingLink;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Onboarding links in Keycloak's {@link SingleUseObjectProvider} (the replicated {@code actionTokens} cache in a
 * cluster): every node sees a link, the store drops it when it expires, and its atomic {@code remove} lets exactly
 * one submission use it. A completed onboarding writes its time on the realm ({@value #COMPLETED_AT}): links
 * issued before it are dead.
 */
final class OnboardingLinks {

    /** Realm attribute: when the realm's last onboarding completed (epoch milliseconds). */
    static final String COMPLETED_AT = "b2bpack.sso.onboarding.completed_at";

    private static final String COMPLETION_PREFIX = "b2bpack.sso-onboarding-completion.";

    /** What a token names right now. */
    enum State {
        LIVE,
        USED,
        UNKNOWN
    }

    private final KeycloakSession session;
    private final SingleUseObjectProvider store;

    OnboardingLinks(KeycloakSession session) {
        this.session = session;
        this.store = session.singleUseObjects();
    }

    /** Stores a new link and returns its token. */
    String issue(
            String realm,
            String slug,
            String environment,
            long lifespanSeconds,
            String providerType,
            String usersAccessPolicy) {
        String token = OnboardingLink.newToken();
        long expiresAt = Time.currentTime() + lifespanSeconds;
        store.put(
                OnboardingLink.key(token),
                lifespanSeconds,
                new OnboardingLink(
                                realm,
                                slug,
                                environment,
                                expiresAt,
                                providerType,
                                usersAccessPolicy,
                                Time.currentTimeMillis())
                        .toNotes());
        return token;
    }

    /**
     * The live link of a token for this realm, or null (forged, expired, used, another realm's, or issued before the
     * realm's last completed onboarding).
     */
    OnboardingLink find(String token, RealmModel realm) {
        if (!OnboardingLink.isToken(token)) {
            return null;
        }
        OnboardingLink link = OnboardingLink.fromNotes(store.get(OnboardingLink.key(token)));
        return link != null
                        && link.realm().equals(realm.getName())
                        && link.liveAt(Time.currentTime())
                        && link.issuedAfter(completedAt(realm))
                ? link
                : null;
    }

    /**
     * Records a completed onboarding: true for the first completion since the realm's last one (the store's
     * {@code putIfAbsent} is atomic cluster-wide, so of two links used at once only one configures the connection),
     * then kills every link issued until now. {@code lifespanSeconds}: the longest a link can live.
     */
    boolean complete(RealmModel realm, long lifespanSeconds) {
        String claim = COMPLETION_PREFIX + realm.getId() + "." + completedAt(realm);
        if (!store.putIfAbsent(claim, lifespanSeconds)) {
            return false;
        }
        // The store is not part of the database transaction: when the completion does not commit, the claim goes,
        // or every later link of the realm would be refused until the claim expired.
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {}

            @Override
            protected void rollbackImpl() {
                store.remove(claim);
            }
        });
        realm.setAttribute(COMPLETED_AT, Long.toString(Time.currentTimeMillis()));
        return true;
    }

    private static long completedAt(RealmModel realm) {
        String value = realm.getAttribute(COMPLETED_AT);
        if (value == null) {
            return 0L;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // Someone wrote the attribute by hand: no link issued before now survives a value it cannot read.
            return Long.MAX_VALUE;
        }
    }

    /** Why {@link #find} found nothing: a used link is remembered until it would have expired. */
    State stateOf(String token) {
        if (!OnboardingLink.isToken(token)) {
            return State.UNKNOWN;
        }
        return store.contains(OnboardingLink.usedKey(token)) ? State.USED : State.UNKNOWN;
    }

    /**
     * Uses the link: true for exactly one caller (the store's remove is atomic cluster-wide), false when another
     * submission took it first or it expired meanwhile.
     */
    boolean consume(String token, OnboardingLink link) {
        if (store.remove(OnboardingLink.key(token)) == null) {
            return false;
        }
        long left = link.expiresAt() - Time.currentTime();
        if (left > 0) {
            store.put(OnboardingLink.usedKey(token), left, link.toNotes());
        }
        return true;
    }
}
