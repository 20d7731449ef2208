#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, in order, each result also written to bench-data/results/.
# Takes about half an hour on 2 cores; run it on an otherwise idle machine.
#   scripts/bench/all.sh
. "$(dirname "$0")/common.sh"
bench_build
mkdir -p "$BENCH/results"
export BENCH_NO_BUILD=1
for corpus in five real 200k; do
  scripts/bench/index.sh "$corpus" 2>&1 | tee "$BENCH/results/index-$corpus.txt"
  scripts/bench/http.sh "$corpus" 2>&1 | tee "$BENCH/results/http-$corpus.txt"
  # The tagger does not depend on the corpus size: measured once, with the five articles.
  if [ "$corpus" = five ]; then only=(); else only=(SearchBenchmark); fi
  scripts/bench/jmh.sh "$corpus" "${only[@]}" 2>&1 | tee "$BENCH/results/jmh-$corpus.txt"
done
# The embedded index and OpenSearch side by side (a 1-node cluster started for the run), on the real corpus.
scripts/bench/backends.sh real 2>&1 | tee "$BENCH/results/backends-real.txt"
