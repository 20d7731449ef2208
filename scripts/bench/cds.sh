#!/usr/bin/env bash
# Writes an application class-data-sharing archive (bench-data/nutrisearch.jsa) from one training start
# of `serve` over a benchmark corpus: the JVM records the classes it loaded up to the first answered
# search and writes them when it exits on SIGTERM. Later starts map them instead of loading them:
#   scripts/bench/cds.sh 200k
#   scripts/bench/http.sh 200k --startup-only 5 --jvm-arg -XX:SharedArchiveFile=bench-data/nutrisearch.jsa
# The archive belongs to this jar and JDK; a rebuilt jar needs a new one (the JVM refuses a stale one).
. "$(dirname "$0")/common.sh"
bench_build
bench_corpus "${1:?usage: scripts/bench/cds.sh five|real|200k}"
if [ ! -f "$INDEX/CURRENT" ]; then
  bench_index
fi
ARCHIVE=$BENCH/nutrisearch.jsa
PORT=${CDS_PORT:-7396}
rm -f "$ARCHIVE"
java -Xmx512m "${JAVA_FLAGS[@]}" -XX:ArchiveClassesAtExit="$ARCHIVE" -jar target/nutrisearch.jar serve \
  --index "$INDEX" --corpus "$CORPUS" --vectors "$BENCH_VECTORS" --port "$PORT" --rate-limit 0 \
  >"$BENCH/cds-training.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do
  if curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/search?q=magnesium"; then break; fi
  sleep 0.1
done
kill -TERM "$SERVER"
wait "$SERVER" || true
ls -l "$ARCHIVE"
