package io.github.b2bpack.org.ssobroker;

import io.github.b2bpack.org.sso.SsoKeys;
import java.util.Map;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The first-broker-login flow of SSO connections, added to a realm with its first connection:
 * <ol>
 *   <li>{@code b2bpack-sso-access-policy} (REQUIRED): the users access policy and the email-domain rule;</li>
 *   <li>{@code idp-review-profile} (REQUIRED, only when the profile misses something the realm requires);</li>
 *   <li>a subflow: {@code idp-create-user-if-unique}, else {@code idp-auto-link} — a person the realm knows (same
 *       email) is linked without a confirmation page, because the connection is the organization's own IdP and the
 *       access-policy step already held the email to the organization's domains.</li>
 * </ol>
 * Keycloak's built-in steps do the creating and linking; the pack only adds the decision before them.
 */
public final class SsoFirstLoginFlow {

    static final String USER_SUBFLOW = SsoKeys.FIRST_LOGIN_FLOW + " - user";
    static final String REVIEW_CONFIG = SsoKeys.FIRST_LOGIN_FLOW + " - review profile";
    static final String ALLOW_ACCESS = "allow-access-authenticator";
    private static final String AFTER_REVIEW_CONFIG = "b2bpack sso access policy after review";

    private SsoFirstLoginFlow() {}

    /**
     * The flow's id, creating it when the realm has none by that alias. A flow made before the access-policy step
     * ran again after the review page gets that step, as {@link #postLoginFlowId} completes the post-login flow.
     */
    public static String ensure(RealmModel realm) {
        AuthenticationFlowModel existing = realm.getFlowByAlias(SsoKeys.FIRST_LOGIN_FLOW);
        if (existing != null) {
            if (realm.getAuthenticatorConfigByAlias(AFTER_REVIEW_CONFIG) == null) {
                afterReview(realm, existing);
            }
            return existing.getId();
        }
        AuthenticationFlowModel top = flow(
                realm,
                SsoKeys.FIRST_LOGIN_FLOW,
                true,
                "First login through the organization's SSO connection: users access policy and email domains, "
                        + "then Keycloak creates the user or links the known one");
        execution(
                realm,
                top,
                SsoAccessPolicyAuthenticatorFactory.ID,
                null,
                AuthenticationExecutionModel.Requirement.REQUIRED,
                10,
                null);

        execution(
                realm,
                top,
                "idp-review-profile",
                null,
                AuthenticationExecutionModel.Requirement.REQUIRED,
                20,
                config(realm, REVIEW_CONFIG, "update.profile.on.first.login", "missing"));
        afterReview(realm, top);

        AuthenticationFlowModel user = flow(
                realm,
                USER_SUBFLOW,
                false,
                "Create the user when the realm has nobody with that email, else link the one it has");
        execution(realm, top, null, user.getId(), AuthenticationExecutionModel.Requirement.REQUIRED, 30, null);
        execution(
                realm,
                user,
                "idp-create-user-if-unique",
                null,
                AuthenticationExecutionModel.Requirement.ALTERNATIVE,
                10,
                null);
        execution(realm, user, "idp-auto-link", null, AuthenticationExecutionModel.Requirement.ALTERNATIVE, 20, null);
        return top.getId();
    }

    /**
     * The template's post-broker-login flow (SMS second factor) when the realm has it, else null. A realm made from
     * an older template has the flow with its conditional SMS step only: Keycloak fails a flow in which nothing ran
     * ("Invalid username or password" after the IdP, for every person without an SMS credential — seen in
     * {@code OrgSsoConnectionIT}), so the step the template now ships, {@code allow-access-authenticator}
     * (REQUIRED, after the SMS step), is added when missing.
     */
    public static String postLoginFlowId(RealmModel realm) {
        AuthenticationFlowModel post = realm.getFlowByAlias(SsoKeys.POST_LOGIN_FLOW);
        if (post == null) {
            return null;
        }
        boolean completes = realm.getAuthenticationExecutionsStream(post.getId())
                .anyMatch(e -> ALLOW_ACCESS.equals(e.getAuthenticator()));
        if (!completes) {
            execution(realm, post, ALLOW_ACCESS, null, AuthenticationExecutionModel.Requirement.REQUIRED, 20, null);
        }
        return post.getId();
    }

    /** The access-policy step again after the review page, which may fill in names but not change who it is. */
    private static void afterReview(RealmModel realm, AuthenticationFlowModel top) {
        execution(
                realm,
                top,
                SsoAccessPolicyAuthenticatorFactory.ID,
                null,
                AuthenticationExecutionModel.Requirement.REQUIRED,
                25,
                config(
                        realm,
                        AFTER_REVIEW_CONFIG,
                        SsoAccessPolicyAuthenticator.PHASE_KEY,
                        SsoAccessPolicyAuthenticator.AFTER_REVIEW));
    }

    /** A new authenticator configuration with one entry; answers its id. */
    private static String config(RealmModel realm, String alias, String key, String value) {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setAlias(alias);
        config.setConfig(new java.util.HashMap<>(Map.of(key, value)));
        return realm.addAuthenticatorConfig(config).getId();
    }

    private static AuthenticationFlowModel flow(RealmModel realm, String alias, boolean topLevel, String description) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(alias);
        flow.setDescription(description);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(topLevel);
        flow.setBuiltIn(false);
        return realm.addAuthenticationFlow(flow);
    }

    private static void execution(
            RealmModel realm,
            AuthenticationFlowModel parent,
            String authenticator,
            String subflowId,
            AuthenticationExecutionModel.Requirement requirement,
            int priority,
            String configId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(parent.getId());
        execution.setRequirement(requirement);
        execution.setPriority(priority);
        if (subflowId != null) {
            execution.setAuthenticatorFlow(true);
            execution.setFlowId(subflowId);
        } else {
            execution.setAuthenticatorFlow(false);
            execution.setAuthenticator(authenticator);
        }
        execution.setAuthenticatorConfig(configId);
        realm.addAuthenticatorExecution(execution);
    }
}
