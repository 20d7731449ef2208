#!/usr/bin/env bash
# Thread CPU time per search by category of the query mix (SearchCpu), over one corpus's index: the
# figure that holds on a busy machine. Indexes the corpus first when its index is missing. Extra
# arguments go to SearchCpu: --rounds N (default 20), --warmup N (default 10), --category C, --cache N (results
# cached by the backend; default 0, every search computed).
#   scripts/bench/cpu.sh five|real|200k [--rounds N] [--warmup N] [--cache N]
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/cpu.sh five|real|200k [options]}"
shift
if [ ! -f "$INDEX/CURRENT" ]; then
  bench_index
fi
bench_machine
java -Xmx512m "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" org.nutrisearch.bench.SearchCpu "$INDEX" "$@"
