package io.github.b2bpack.org.ssoonboarding;

import io.github.b2bpack.org.sso.onboarding.OnboardingLink;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Onboarding links in Keycloak's {@link SingleUseObjectProvider} (the replicated {@code actionTokens} cache in a
 * cluster): every node sees a link, the store drops it when it expires, and its atomic {@code remove} lets exactly
 * one submission use it.
 */
final class OnboardingLinks {

    /** What a token names right now. */
    enum State {
        LIVE,
        USED,
        UNKNOWN
    }

    private final SingleUseObjectProvider store;

    OnboardingLinks(KeycloakSession session) {
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
                new OnboardingLink(realm, slug, environment, expiresAt, providerType, usersAccessPolicy).toNotes());
        return token;
    }

    /** The live link of a token for this realm, or null (forged, expired, used, or another realm's). */
    OnboardingLink find(String token, String realm) {
        if (!OnboardingLink.isToken(token)) {
            return null;
        }
        OnboardingLink link = OnboardingLink.fromNotes(store.get(OnboardingLink.key(token)));
        return link != null && link.realm().equals(realm) && link.liveAt(Time.currentTime()) ? link : null;
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
