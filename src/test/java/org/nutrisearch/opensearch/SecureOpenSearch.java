package org.nutrisearch.opensearch;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One secured OpenSearch node ({@link SecureTestCluster}) for the whole test run, started by the first
 * test that asks for it. Without the node's classpath (run {@code scripts/opensearch-test-nodes.sh},
 * which {@code scripts/test.sh} does) the tests are skipped with a message, except in CI
 * ({@code CI=true}), where they run and fail.
 */
public final class SecureOpenSearch implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecureOpenSearch.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (SecureTestCluster.installed() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("the secured node's classpath is built, or CI where it must be");
        }
        return ConditionEvaluationResult.disabled("no secured OpenSearch node: run scripts/opensearch-test-nodes.sh "
                + "(scripts/test.sh does) to build " + SecureTestCluster.HOME);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SecureTestCluster.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return ((StartOnce<SecureTestCluster>) context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SecureTestCluster.class, k -> new StartOnce<>(SecureTestCluster::start), StartOnce.class)).get();
    }
}
