package org.opensearch.transport.grpc.spi;

/**
 * Stands in for the transport-grpc module's interface of this name, which the registries do not serve:
 * the k-NN plugin registers a gRPC query converter at start and fails to load without the type. This
 * node serves no gRPC, so nothing ever calls it.
 */
public interface QueryBuilderProtoConverter {
}
