package org.nutrisearch.opensearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One OpenSearch test cluster for the whole test run: started by the first test that asks for it (a
 * parameter of type {@link OpenSearchTestCluster}), shared by every test class after it, stopped when
 * the run ends. Starting a cluster costs 10–35 s on a busy machine; one start instead of one per class.
 *
 * <p>Three nodes, so one test can stop a node (3) and the others still have two nodes, enough for an
 * index with one replica. Each test class uses its own alias.
 */
public final class SharedOpenSearch implements ParameterResolver {

    /** Nodes of the shared cluster. */
    public static final int NODES = 3;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedOpenSearch.class);

    /** The shared cluster, started on first use; the run's root store closes it at the end. */
    public static OpenSearchTestCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(OpenSearchTestCluster.class, k -> OpenSearchTestCluster.start(NODES),
                        OpenSearchTestCluster.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenSearchTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }
}
