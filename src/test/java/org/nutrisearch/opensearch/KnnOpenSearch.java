package org.nutrisearch.opensearch;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One OpenSearch node with the k-NN plugin ({@link KnnTestCluster}) for the whole test run: started by
 * the first test that asks for it (a parameter of type {@link KnnTestCluster}), stopped when the run
 * ends. Without the node's classpath (run {@code scripts/opensearch-test-nodes.sh}, which
 * {@code scripts/test.sh} does) the tests are skipped with a message saying so, except in CI
 * ({@code CI=true}), where they run and fail: there the cluster must be tested.
 */
public final class KnnOpenSearch implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KnnOpenSearch.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (KnnTestCluster.installed() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("the k-NN node's classpath is built, or CI where it must be");
        }
        return ConditionEvaluationResult.disabled("no OpenSearch node with k-NN: run scripts/opensearch-test-nodes.sh "
                + "(scripts/test.sh does) to build " + KnnTestCluster.HOME);
    }

    /** The shared node, started on first use; the run's root store closes it at the end. */
    @SuppressWarnings("unchecked")
    public static KnnTestCluster cluster(ExtensionContext context) {
        return ((StartOnce<KnnTestCluster>) context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(KnnTestCluster.class, k -> new StartOnce<>(KnnTestCluster::start), StartOnce.class)).get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KnnTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }
}
