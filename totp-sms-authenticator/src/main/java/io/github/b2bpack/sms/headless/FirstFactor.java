package io.github.b2bpack.sms.headless;

import org.keycloak.models.UserModel;

/**
 * The bridge between a passed password challenge and the second factor: a user who has a TOTP method gets no
 * authorization code from the password alone (that would bypass the factor the login pages demand). The password
 * step leaves a mark for that user and calling client in the cluster-wide single-use store for {@link #TTL_SECONDS};
 * the TOTP validation that consumes it (atomic remove: one code per password) mints the code.
 */
final class FirstFactor {

    static final long TTL_SECONDS = 300;

    private FirstFactor() {}

    static void mark(HeadlessContext context, UserModel user) {
        context.session().singleUseObjects().remove(key(context, user));
        context.session().singleUseObjects().putIfAbsent(key(context, user), TTL_SECONDS);
    }

    static boolean claim(HeadlessContext context, UserModel user) {
        return context.session().singleUseObjects().remove(key(context, user)) != null;
    }

    private static String key(HeadlessContext context, UserModel user) {
        return "b2bpack-headless:first-factor:" + context.realm().getId() + ":" + user.getId() + ":"
                + context.client().getId();
    }
}
