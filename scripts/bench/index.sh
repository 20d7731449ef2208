#!/usr/bin/env bash
# Indexing benchmark: (generates and) indexes one benchmark corpus, printing the index summary
# (units, seconds, units/s, size on disk, CPU time).
#   scripts/bench/index.sh five|real|200k
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/index.sh five|real|200k}"
bench_machine
rm -rf "$INDEX"
bench_index
