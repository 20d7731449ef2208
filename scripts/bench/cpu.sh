#!/usr/bin/env bash
# Thread CPU time per search over one corpus's index (SearchCpu): the figure that holds on a busy
# machine. Indexes the corpus first when its index is missing. Extra arguments go to SearchCpu:
#   --mix distinct (default: real query texts, each searched once: what a new query costs)
#         | embedding (the query embedding alone) | repeated (the 52-query mix by category)
#   --mode lexical|hybrid|semantic, --queries N and --warmup N (distinct, embedding),
#   --rounds N, --category C, --cache N (repeated; results cached by the backend, default 0: none).
#   scripts/bench/cpu.sh five|real|200k [options]
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/cpu.sh five|real|200k [options]}"
shift
if [ ! -f "$INDEX/CURRENT" ]; then
  bench_index
fi
bench_machine
java -Xmx512m -Xms512m "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" org.nutrisearch.bench.SearchCpu "$INDEX" "$@"
