#!/usr/bin/env bash
# Start-up of `serve` as scripts/serve.sh runs it, without and with its class-data-sharing archive,
# alternately: seconds and process CPU-seconds (user + system, the figure that holds on a busy
# machine) to the first answered search. The first start with the archive writes it (not counted:
# it is stopped with SIGTERM and waited for); the measured ones are killed once they have answered.
#   scripts/bench/startup.sh five|real|200k [pairs, default 5]
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/startup.sh five|real|200k [pairs]}"
PAIRS=${2:-5}
if [ ! -f "$INDEX/CURRENT" ]; then
  bench_index
fi
bench_machine
mkdir -p "$BENCH/startup"
JAR=$BENCH/startup/nutrisearch.jar
ARCHIVE=$BENCH/startup/$1.jsa
# An archive fits one jar: a JVM given a stale one runs without it and writes no new one (as in serve.sh).
if ! cmp -s target/nutrisearch.jar "$JAR"; then
  cp target/nutrisearch.jar "$JAR"
  rm -f "$BENCH"/startup/*.jsa
fi
PORT=${STARTUP_PORT:-7397}
CDS=(-XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$ARCHIVE" '-Xlog:cds*=off')
TICKS=$(getconf CLK_TCK)

# start LABEL [JVM flags]: one start to the first answered search; prints seconds and CPU-seconds.
start() {
  local label=$1; shift
  local t0 t1 cpu server
  t0=$(date +%s%N)
  "$JAVA_HOME/bin/java" -Xmx512m -Xms512m "${JAVA_FLAGS[@]}" "$@" -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" \
    --index "$INDEX" --corpus "$CORPUS" --vectors "$BENCH_VECTORS" --rate-limit 0 >"$BENCH/startup/serve.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/search?q=magnesium"; do
    kill -0 "$server" 2>/dev/null || { echo "the server exited; see $BENCH/startup/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  cpu=$(awk -v t="$TICKS" '{printf "%.2f", ($14 + $15) / t}' "/proc/$server/stat")
  printf '%-8s %6.2f s  %5s CPU-s  load %s\n' "$label" "$(echo "($t1 - $t0) / 1000000000" | bc -l)" "$cpu" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  if [ "$label" = writes ]; then kill -TERM "$server"; else kill -KILL "$server"; fi
  wait "$server" 2>/dev/null || true
}

if [ ! -f "$ARCHIVE" ]; then
  start writes "${CDS[@]}"
fi
for _ in $(seq 1 "$PAIRS"); do
  start without
  start with "${CDS[@]}"
done
