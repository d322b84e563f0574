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
 * one submission use it. A completed onboarding starts the realm's next generation ({@value #GENERATION}): the
 * links of the earlier ones are dead.
 */
final class OnboardingLinks {

    /** Realm attribute: the number of onboardings completed in the realm, the generation new links belong to. */
    static final String GENERATION = "b2bpack.sso.onboarding.generation";

    /**
     * How long a completion's claim outlives a completion that never committed (a node that died mid-request):
     * longer than any transaction, short enough not to keep the realm's onboarding closed for long.
     */
    private static final long CLAIM_SECONDS = 600;

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

    /** Stores a new link of the realm's current generation and returns its token. */
    String issue(
            RealmModel realm,
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
                                realm.getName(),
                                slug,
                                environment,
                                expiresAt,
                                providerType,
                                usersAccessPolicy,
                                generation(realm))
                        .toNotes());
        return token;
    }

    /**
     * The live link of a token for this realm, or null (forged, expired, used, another realm's, or of a generation
     * a completed onboarding ended).
     */
    OnboardingLink find(String token, RealmModel realm) {
        if (!OnboardingLink.isToken(token)) {
            return null;
        }
        OnboardingLink link = OnboardingLink.fromNotes(store.get(OnboardingLink.key(token)));
        return link != null
                        && link.realm().equals(realm.getName())
                        && link.liveAt(Time.currentTime())
                        && link.belongsTo(generation(realm))
                ? link
                : null;
    }

    /**
     * Records a completed onboarding of {@code link}'s generation: true for the first completion of that generation
     * (the store's {@code putIfAbsent} is atomic cluster-wide, so of two links used at once only one configures the
     * connection), which starts the next generation and so kills every other link issued until now.
     */
    boolean complete(RealmModel realm, OnboardingLink link) {
        String claim = COMPLETION_PREFIX + realm.getId() + "." + link.generation();
        if (!store.putIfAbsent(claim, CLAIM_SECONDS)) {
            return false;
        }
        // The store is not part of the database transaction: when the completion does not commit, the claim goes,
        // or the generation's other links would be refused until it expired.
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {}

            @Override
            protected void rollbackImpl() {
                store.remove(claim);
            }
        });
        realm.setAttribute(GENERATION, Long.toString(link.generation() + 1));
        return true;
    }

    /** The realm's current generation: 0 until an onboarding completes; -1 when the attribute was hand-edited. */
    private static long generation(RealmModel realm) {
        String value = realm.getAttribute(GENERATION);
        if (value == null) {
            return 0L;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1L;
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
