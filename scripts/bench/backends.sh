#!/usr/bin/env bash
# The embedded index and OpenSearch side by side, in one run, on the same corpus and query mix:
# HTTP load (throughput, p50–p99), start-up, memory (the server's, and the cluster's for OpenSearch),
# then NFCorpus dev ranking (nDCG@10) on both. Extra arguments go to both harness runs
# (e.g. --duration 10 --warmup 20 --connections 1,16,64).
#   scripts/bench/backends.sh five|real|200k [harness options]
# OpenSearch: NUTRISEARCH_OPENSEARCH_URL names a running cluster; without it a 1-node cluster is
# started for the run (the test cluster as a process of its own, heap OPENSEARCH_HEAP, default 1g).
# Its indexes are built once before the load, as the embedded index is, so start-up is comparable.
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/backends.sh five|real|200k [options]}"
shift
if [ ! -f "$INDEX/CURRENT" ]; then
  bench_index
fi
bench_machine

CLUSTER_ARGS=()
if [ -n "${NUTRISEARCH_OPENSEARCH_URL:-}" ]; then
  URL=$NUTRISEARCH_OPENSEARCH_URL
else
  URLS_FILE=$BENCH/opensearch-urls
  rm -f "$URLS_FILE"
  java "-Xmx${OPENSEARCH_HEAP:-1g}" -cp "$BENCH_CP" org.nutrisearch.opensearch.ClusterMain 1 "$URLS_FILE" \
    >"$BENCH/opensearch-cluster.log" 2>&1 &
  CLUSTER_PID=$!
  trap 'kill "$CLUSTER_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    [ -f "$URLS_FILE" ] && break
    kill -0 "$CLUSTER_PID" 2>/dev/null || { echo "the OpenSearch test cluster did not start; see $BENCH/opensearch-cluster.log" >&2; exit 1; }
    sleep 1
  done
  [ -f "$URLS_FILE" ] || { echo "the OpenSearch test cluster did not start within 300 s" >&2; exit 1; }
  URL=$(cat "$URLS_FILE")
  CLUSTER_ARGS=(--cluster-pid "$CLUSTER_PID")
  echo "OpenSearch: 1-node test cluster at $URL (heap ${OPENSEARCH_HEAP:-1g})"
fi
ALIAS="bench-$(basename "$INDEX")"

echo "Indexing $CORPUS into OpenSearch ($ALIAS):"
rc=0
java "${JAVA_FLAGS[@]}" -jar target/nutrisearch.jar index --corpus "$CORPUS" --backend opensearch \
  --opensearch-url "$URL" --opensearch-alias "$ALIAS" || rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
  exit "$rc"
fi

java -cp "$BENCH_CP" org.nutrisearch.bench.LoadHarness --index "$INDEX" --corpus "$CORPUS" \
  --name "$(basename "$INDEX"), embedded Lucene" --log "$BENCH/serve-$(basename "$INDEX")-lucene.log" "$@"
java -cp "$BENCH_CP" org.nutrisearch.bench.LoadHarness --index "$INDEX" --corpus "$CORPUS" \
  --name "$(basename "$INDEX"), OpenSearch" --log "$BENCH/serve-$(basename "$INDEX")-opensearch.log" \
  --serve-arg --backend --serve-arg opensearch --serve-arg --opensearch-url --serve-arg "$URL" \
  --serve-arg --opensearch-alias --serve-arg "$ALIAS" "${CLUSTER_ARGS[@]}" "$@"

echo
echo "Ranking, NFCorpus dev (each backend indexes NFCorpus itself):"
java "${JAVA_FLAGS[@]}" -jar target/nutrisearch.jar eval-nfcorpus --data "$DATA/nfcorpus" --split dev
java "${JAVA_FLAGS[@]}" -jar target/nutrisearch.jar eval-nfcorpus --data "$DATA/nfcorpus" --split dev \
  --backend opensearch --opensearch-url "$URL"
