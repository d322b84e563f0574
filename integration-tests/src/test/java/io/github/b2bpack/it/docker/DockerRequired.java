package io.github.b2bpack.it.docker;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Under {@code -Pdocker}, every test is skipped (not failed) where no Docker engine answers. */
public final class DockerRequired implements ExecutionCondition {

    private static final boolean AVAILABLE = !DockerKeycloak.requested() || DockerKeycloak.dockerAvailable();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return AVAILABLE
                ? ConditionEvaluationResult.enabled("Docker engine available")
                : ConditionEvaluationResult.disabled("-Pdocker: no Docker engine on this machine, test skipped");
    }
}
