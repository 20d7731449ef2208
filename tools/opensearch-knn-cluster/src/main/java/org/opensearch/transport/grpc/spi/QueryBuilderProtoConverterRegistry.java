package org.opensearch.transport.grpc.spi;

/** Stands in for the transport-grpc module's type of this name (see {@link QueryBuilderProtoConverter}). */
public interface QueryBuilderProtoConverterRegistry {
}
