#!/usr/bin/env bash
# Builds the classpaths of the two OpenSearch nodes the tests start as processes of their own, from
# Maven Central (scripts/test.sh runs this first):
#   tools/opensearch-knn-cluster/target/lib     OpenSearch 3.5 with the k-NN plugin 3.5.0.0 (searches by meaning)
#   tools/opensearch-secure-cluster/target/     OpenSearch 3.4 with the security plugin 3.4.0.0 (TLS, basic auth)
# With "run", then starts a k-NN node and prints its URL (Ctrl-C stops it); scripts/bench/backends.sh uses it.
#   scripts/opensearch-test-nodes.sh [run]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
nutrisearch_find_jdk
command -v mvn >/dev/null 2>&1 || { echo "Maven (mvn) is needed; install Apache Maven 3.8+." >&2; exit 1; }
for tool in opensearch-knn-cluster opensearch-secure-cluster; do
  mvn -B -q ${NUTRISEARCH_MVN_OFFLINE:+-o} -f "tools/$tool/pom.xml" package
done
if [ "${1:-}" = run ]; then
  exec java -Xmx1g -cp "tools/opensearch-knn-cluster/target/lib/*" org.nutrisearch.knncluster.KnnClusterMain 1 "$(mktemp -u)"
fi
