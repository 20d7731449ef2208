#!/usr/bin/env bash
# The embedded index and OpenSearch side by side, in one run, on the same corpus and query mix, in
# hybrid and in lexical mode, every search computed (no result cache): HTTP load (throughput, p50–p99,
# CPU per request of the service and, for OpenSearch, of the cluster), start-up, memory; then NFCorpus
# dev ranking per backend per mode (lexical, semantic, hybrid). Extra arguments go to every harness run
# (e.g. --duration 10 --warmup 20 --connections 1,16,64).
#   scripts/bench/backends.sh five|real|200k [harness options]
# OpenSearch: NUTRISEARCH_OPENSEARCH_URL names a running cluster (with the k-NN plugin for hybrid);
# without it a 1-node OpenSearch 3.5 with the k-NN plugin is started for the run as a process of its
# own (tools/opensearch-knn-cluster, heap OPENSEARCH_HEAP, default 1g). Its indexes (OPENSEARCH_SHARDS,
# default 2) are built once before the load, as the embedded index is, so start-up is comparable.
# The five articles are embedded (hybrid on both); the large corpora are benchmarked without vectors
# unless BENCH_VECTORS=now, so their "hybrid" runs are lexical (/health says "vectors": false).
# NFCorpus: BENCH_NFCORPUS=0 leaves the ranking out (embedding it the first time takes 20+ minutes);
# BENCH_MODES="hybrid" measures one mode only.
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
  scripts/opensearch-test-nodes.sh
  URLS_FILE=$BENCH/opensearch-urls
  rm -f "$URLS_FILE"
  # The node runs until its standard input closes: a FIFO whose writing end this script holds (fd 9)
  # until it exits, whichever way.
  rm -f "$BENCH/opensearch-stdin" && mkfifo "$BENCH/opensearch-stdin"
  java "-Xmx${OPENSEARCH_HEAP:-1g}" -cp "tools/opensearch-knn-cluster/target/lib/*" \
    org.nutrisearch.knncluster.KnnClusterMain 1 "$URLS_FILE" <"$BENCH/opensearch-stdin" >"$BENCH/opensearch-cluster.log" 2>&1 &
  CLUSTER_PID=$!
  exec 9>"$BENCH/opensearch-stdin"
  trap 'exec 9>&-; kill "$CLUSTER_PID" 2>/dev/null || true; rm -f "$BENCH/opensearch-stdin"' EXIT
  for _ in $(seq 1 300); do
    [ -f "$URLS_FILE" ] && break
    kill -0 "$CLUSTER_PID" 2>/dev/null || { echo "the OpenSearch node did not start; see $BENCH/opensearch-cluster.log" >&2; exit 1; }
    sleep 1
  done
  [ -f "$URLS_FILE" ] || { echo "the OpenSearch node did not start within 300 s" >&2; exit 1; }
  URL=$(cat "$URLS_FILE")
  CLUSTER_ARGS=(--cluster-pid "$CLUSTER_PID")
  echo "OpenSearch: 1-node OpenSearch 3.5 with the k-NN plugin at $URL (heap ${OPENSEARCH_HEAP:-1g})"
fi
ALIAS="bench-$(basename "$INDEX")"

echo "Indexing $CORPUS into OpenSearch ($ALIAS, ${OPENSEARCH_SHARDS:-2} shards, vectors $BENCH_VECTORS):"
rc=0
java "${JAVA_FLAGS[@]}" -jar target/nutrisearch.jar index --corpus "$CORPUS" --index "$INDEX" --backend opensearch \
  --opensearch-url "$URL" --opensearch-alias "$ALIAS" --opensearch-shards "${OPENSEARCH_SHARDS:-2}" \
  --vectors "$BENCH_VECTORS" || rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
  exit "$rc"
fi

# Uncached first (every search computed); the OpenSearch backend keeps no results anyway.
for mode in ${BENCH_MODES:-hybrid lexical}; do
  java -cp "$BENCH_CP" org.nutrisearch.bench.LoadHarness --index "$INDEX" --corpus "$CORPUS" \
    --name "$(basename "$INDEX"), embedded Lucene, $mode, uncached" \
    --log "$BENCH/serve-$(basename "$INDEX")-lucene-$mode.log" \
    --serve-arg --search-cache=0 --serve-arg "--search-mode=$mode" --serve-arg --vectors --serve-arg "$BENCH_VECTORS" "$@"
  java -cp "$BENCH_CP" org.nutrisearch.bench.LoadHarness --index "$INDEX" --corpus "$CORPUS" \
    --name "$(basename "$INDEX"), OpenSearch, $mode" \
    --log "$BENCH/serve-$(basename "$INDEX")-opensearch-$mode.log" \
    --serve-arg --backend --serve-arg opensearch --serve-arg --opensearch-url --serve-arg "$URL" \
    --serve-arg --opensearch-alias --serve-arg "$ALIAS" --serve-arg "--search-mode=$mode" \
    --serve-arg --vectors --serve-arg "$BENCH_VECTORS" "${CLUSTER_ARGS[@]}" "$@"
done

if [ "${BENCH_NFCORPUS:-1}" != 0 ]; then
  echo
  echo "Ranking, NFCorpus dev, per backend and mode (each backend indexes NFCorpus itself; units embedded"
  echo "once into $BENCH/vector-cache, then read from it):"
  for backend in lucene opensearch; do
    args=()
    [ "$backend" = opensearch ] && args=(--backend opensearch --opensearch-url "$URL")
    java "${JAVA_FLAGS[@]}" -jar target/nutrisearch.jar eval-nfcorpus --data "$DATA/nfcorpus" --split dev \
      --mode lexical,semantic,hybrid --vector-cache "$BENCH/vector-cache" --native-dir "$BENCH/native" "${args[@]}"
  done
fi
