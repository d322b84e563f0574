package io.github.b2bpack.org.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The executions under a realm's bound browser flow, depth first in flow order. A step "runs" when it and every
 * sub-flow above it are enabled: that is what a login goes through, so it is what the connections report. Switching a
 * step off sets it DISABLED; switching it on picks the requirement the flow's shape calls for (CONDITIONAL for a
 * conditional sub-flow, ALTERNATIVE beside enabled alternatives, else REQUIRED), so nothing about the previous state
 * has to be remembered outside the flow.
 */
public final class BrowserFlowSteps {

    /** Deeper nesting than any real flow; a guard against a flow that (through a bad import) contains itself. */
    private static final int MAX_DEPTH = 16;

    private static final String CONDITION_PREFIX = "conditional-";

    /** One execution and whether every sub-flow above it is enabled. */
    public record Step(AuthenticationExecutionModel execution, boolean ancestorsOn) {
        public boolean runs() {
            return ancestorsOn && !execution.isDisabled();
        }
    }

    private final RealmModel realm;
    private final List<Step> steps = new ArrayList<>();

    private BrowserFlowSteps(RealmModel realm) {
        this.realm = realm;
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        if (browser != null) {
            walk(browser.getId(), true, 0);
        }
    }

    /** The realm's browser flow as it is now. */
    public static BrowserFlowSteps of(RealmModel realm) {
        return new BrowserFlowSteps(realm);
    }

    /** The steps running one of {@code authenticators}, in flow order. */
    public List<Step> running(Set<String> authenticators) {
        return steps.stream()
                // Sub-flow executions have no authenticator, and Set.of(…).contains(null) throws.
                .filter(s -> s.execution().getAuthenticator() != null
                        && authenticators.contains(s.execution().getAuthenticator()))
                .toList();
    }

    /** True when a login goes through at least one step of {@code authenticators}. */
    public boolean runsAny(Set<String> authenticators) {
        return running(authenticators).stream().anyMatch(Step::runs);
    }

    /**
     * The executions that switch {@code authenticators} on and off: for a step inside a conditional sub-flow (one
     * that starts with a condition), the sub-flow's own execution, so the condition goes with it; else the step.
     * Only those whose enclosing flows are enabled (switching the others would change nothing a login sees).
     */
    public List<Step> switches(Set<String> authenticators) {
        List<Step> found = new ArrayList<>();
        for (Step step : running(authenticators)) {
            Step target = conditionalParent(step).orElse(step);
            if (target.ancestorsOn() && found.stream().noneMatch(f -> sameExecution(f, target))) {
                found.add(target);
            }
        }
        return found;
    }

    /** Sets each switch DISABLED, or back to the requirement its place in the flow calls for. */
    public void turn(List<Step> switches, boolean on) {
        for (Step step : switches) {
            AuthenticationExecutionModel execution = step.execution();
            Requirement wanted = on ? enabledRequirement(execution) : Requirement.DISABLED;
            if (execution.getRequirement() != wanted) {
                execution.setRequirement(wanted);
                realm.updateAuthenticatorExecution(execution);
            }
        }
    }

    /** The configuration of the first step of {@code authenticator} that has one, as a copy of its map. */
    public Map<String, String> firstConfig(String authenticator) {
        return running(Set.of(authenticator)).stream()
                .map(s -> s.execution().getAuthenticatorConfig())
                .filter(id -> id != null)
                .map(realm::getAuthenticatorConfigById)
                .filter(c -> c != null && c.getConfig() != null)
                .findFirst()
                .<Map<String, String>>map(c -> new HashMap<>(c.getConfig()))
                .orElseGet(HashMap::new);
    }

    /**
     * Sets {@code key} in the configuration of every step of {@code authenticator} that has one; when none has, gives
     * the first step a new configuration (the authenticators that read "the first configured step" then read it).
     */
    public void putConfig(String authenticator, String key, String value) {
        List<Step> found = running(Set.of(authenticator));
        boolean any = false;
        for (Step step : found) {
            String id = step.execution().getAuthenticatorConfig();
            AuthenticatorConfigModel config = id == null ? null : realm.getAuthenticatorConfigById(id);
            if (config == null) {
                continue;
            }
            Map<String, String> values =
                    config.getConfig() == null ? new HashMap<>() : new HashMap<>(config.getConfig());
            values.put(key, value);
            config.setConfig(values);
            realm.updateAuthenticatorConfig(config);
            any = true;
        }
        if (!any && !found.isEmpty()) {
            AuthenticationExecutionModel first = found.get(0).execution();
            AuthenticatorConfigModel config = new AuthenticatorConfigModel();
            config.setAlias("b2bpack " + authenticator + " " + first.getId());
            config.setConfig(new HashMap<>(Map.of(key, value)));
            config = realm.addAuthenticatorConfig(config);
            first.setAuthenticatorConfig(config.getId());
            realm.updateAuthenticatorExecution(first);
        }
    }

    private void walk(String flowId, boolean ancestorsOn, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (AuthenticationExecutionModel execution :
                realm.getAuthenticationExecutionsStream(flowId).toList()) {
            steps.add(new Step(execution, ancestorsOn));
            if (execution.isAuthenticatorFlow() && execution.getFlowId() != null) {
                walk(execution.getFlowId(), ancestorsOn && !execution.isDisabled(), depth + 1);
            }
        }
    }

    /** The execution of the sub-flow holding {@code step}, when that sub-flow starts with a condition. */
    private Optional<Step> conditionalParent(Step step) {
        String parentFlow = step.execution().getParentFlow();
        boolean conditional = realm.getAuthenticationExecutionsStream(parentFlow)
                .findFirst()
                .map(first -> first.getAuthenticator() != null
                        && first.getAuthenticator().startsWith(CONDITION_PREFIX))
                .orElse(false);
        if (!conditional) {
            return Optional.empty();
        }
        return steps.stream()
                .filter(s -> parentFlow.equals(s.execution().getFlowId()))
                .findFirst();
    }

    private Requirement enabledRequirement(AuthenticationExecutionModel execution) {
        if (execution.isAuthenticatorFlow() && execution.getFlowId() != null) {
            boolean conditional = realm.getAuthenticationExecutionsStream(execution.getFlowId())
                    .findFirst()
                    .map(first -> first.getAuthenticator() != null
                            && first.getAuthenticator().startsWith(CONDITION_PREFIX))
                    .orElse(false);
            if (conditional) {
                return Requirement.CONDITIONAL;
            }
        }
        boolean besideAlternatives = realm.getAuthenticationExecutionsStream(execution.getParentFlow())
                .anyMatch(other -> !other.getId().equals(execution.getId()) && other.isAlternative());
        return besideAlternatives ? Requirement.ALTERNATIVE : Requirement.REQUIRED;
    }

    private static boolean sameExecution(Step a, Step b) {
        return a.execution().getId().equals(b.execution().getId());
    }
}
