#!/usr/bin/env bash
# Builds tools/opensearch-knn-cluster/target/lib: the classpath of an OpenSearch 3.5 node with the k-NN plugin
# (tools/opensearch-knn-cluster, from Maven Central), which the tests of searches by meaning on the
# OpenSearch backend and scripts/bench/backends.sh start as a process of its own. scripts/test.sh
# runs it first. With "run", also starts one node and prints its URL (Ctrl-C stops it):
#   scripts/opensearch-knn-cluster.sh [run]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
nutrisearch_find_jdk
command -v mvn >/dev/null 2>&1 || { echo "Maven (mvn) is needed; install Apache Maven 3.8+." >&2; exit 1; }
mvn -B -q ${NUTRISEARCH_MVN_OFFLINE:+-o} -f tools/opensearch-knn-cluster/pom.xml package
if [ "${1:-}" = run ]; then
  URLS=$(mktemp -u)
  exec java -Xmx1g -cp "tools/opensearch-knn-cluster/target/lib/*" org.nutrisearch.knncluster.KnnClusterMain 1 "$URLS"
fi
