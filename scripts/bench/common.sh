#!/usr/bin/env bash
# Sourced by the benchmark scripts: JDK, build, the benchmark corpora and where their indexes live.
# Everything generated goes under bench-data/ (git-ignored); the data sets are read where they are.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/jdk.sh
nutrisearch_find_jdk

# MedQuAD and NFCorpus: ../shared/data from the repository root, or NUTRISEARCH_DATA.
DATA="${NUTRISEARCH_DATA:-../shared/data}"
BENCH=bench-data
# The JVM flags scripts/serve.sh runs the service with (Lucene's vectorized code paths, native access).
JAVA_FLAGS=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)

# Builds the jar and the test classes (benchmarks live there) unless BENCH_NO_BUILD=1.
bench_build() {
  if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    mvn -q -B -DskipTests package
  fi
  mkdir -p target # with BENCH_NO_BUILD=1 on a fresh clone nothing has made it yet
  if [ ! -s target/bench-classpath.txt ] || [ pom.xml -nt target/bench-classpath.txt ]; then
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
      >target/bench-classpath.log 2>&1 || { cat target/bench-classpath.log >&2; exit 1; }
  fi
  BENCH_CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
}

# bench_corpus NAME: sets CORPUS (folder) and INDEX (index folder) of a benchmark corpus, creating the
# corpus folder when it is derived:
#   five  the five bundled articles (corpus/)
#   real  MedQuAD + NFCorpus + the five articles, read in place (symbolic links in bench-data/real)
#   200k  200 000 units generated from them (generate-corpus, seed 42)
bench_corpus() {
  case "$1" in
    five)
      CORPUS=corpus ;;
    real)
      CORPUS=$BENCH/real
      mkdir -p "$CORPUS"
      [ -f "$DATA/medquad/medquad.jsonl" ] || { echo "no $DATA/medquad/medquad.jsonl (set NUTRISEARCH_DATA)" >&2; exit 1; }
      ln -sfn "$(readlink -f "$DATA/medquad/medquad.jsonl")" "$CORPUS/medquad.jsonl"
      ln -sfn "$(readlink -f "$DATA/nfcorpus/corpus.jsonl")" "$CORPUS/nfcorpus.jsonl"
      for f in corpus/*.txt; do ln -sfn "$(readlink -f "$f")" "$CORPUS/$(basename "$f")"; done ;;
    200k)
      CORPUS=$BENCH/gen-200k
      if [ ! -f "$CORPUS/medquad-derived.jsonl" ]; then
        java "${JAVA_FLAGS[@]}" -jar target/nutrisearch.jar generate-corpus --out "$CORPUS" --units 200000 --seed 42 --data "$DATA"
      fi ;;
    *)
      echo "unknown corpus '$1' (five, real, 200k)" >&2; exit 2 ;;
  esac
  INDEX=$BENCH/index-$1
  # Unit vectors (hybrid search): the five articles embed in seconds; the large corpora would take
  # hours at BGE-small's speed, so they are benchmarked lexically unless BENCH_VECTORS says otherwise.
  if [ "$1" = five ]; then BENCH_VECTORS=${BENCH_VECTORS:-now}; else BENCH_VECTORS=${BENCH_VECTORS:-off}; fi
}

# bench_index: indexes $CORPUS into $INDEX. Exit code 3 ("indexed, some inputs skipped", e.g.
# MedQuAD's 48 repeated pairs, each listed) counts as success.
bench_index() {
  local rc=0
  java "${JAVA_FLAGS[@]}" -jar target/nutrisearch.jar index --corpus "$CORPUS" --index "$INDEX" --vectors "$BENCH_VECTORS" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    exit "$rc"
  fi
}

# bench_machine: one line describing the machine, for the result files.
bench_machine() {
  echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/{print $2}') GB RAM, kernel $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
