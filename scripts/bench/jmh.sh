#!/usr/bin/env bash
# In-process JMH benchmarks over one corpus's index: search per query category (snippets and facets
# included), suggest when the build has it, and the nutrient tagger. Indexes the corpus first when
# its index is missing. Extra arguments go to JMH (e.g. a benchmark regex or -p category=question);
# JMH_RUN replaces the default run lengths (e.g. JMH_RUN="-f 1 -wi 1 -w 1s -i 2 -r 1s" for a try-out).
#   scripts/bench/jmh.sh five|real|200k [JMH options]
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/jmh.sh five|real|200k [JMH options]}"
shift
if [ ! -f "$INDEX/CURRENT" ]; then
  bench_index
fi
bench_machine
# One fork, heap as the service gets it; 3 x 5 s warm-up, 5 x 5 s measurement per benchmark.
read -r -a run <<<"${JMH_RUN:--f 1 -wi 3 -w 5s -i 5 -r 5s}"
java -cp "$BENCH_CP" org.openjdk.jmh.Main "${run[@]}" \
  -jvmArgs "-Xmx512m --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector" \
  -p index="$INDEX" "$@"
