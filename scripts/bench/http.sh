#!/usr/bin/env bash
# HTTP load benchmark of one corpus: start-up, search/health/suggest at 1, 16 and 64 connections,
# memory. Indexes the corpus first when its index is missing. Extra arguments go to the harness
# (e.g. --duration 5 --warmup 5, --connections 16, --jvm-arg -Dx=y, --serve-arg --max-concurrent=512).
#   scripts/bench/http.sh five|real|200k [harness options]
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/http.sh five|real|200k [options]}"
shift
if [ ! -f "$INDEX/CURRENT" ]; then
  bench_index
fi
bench_machine
java -cp "$BENCH_CP" org.nutrisearch.bench.LoadHarness --index "$INDEX" --corpus "$CORPUS" \
  --name "$(basename "$INDEX")" --log "$BENCH/serve-$(basename "$INDEX").log" \
  --serve-arg --vectors --serve-arg "$BENCH_VECTORS" "$@"
