#!/usr/bin/env bash
# Builds the jar, indexes the bundled corpus (when the index is missing or stale) and serves
# the page and the API on http://localhost:7070 (or $PORT). Extra arguments go to `serve`.
# Start-up: the JVM keeps a class-data-sharing archive of the classes a serve loads
# (target/serve/nutrisearch.jsa), which it writes itself when the server exits and the archive is
# missing (this script removes it when the jar or the JDK changed); later starts map those classes
# instead of loading them.
# NUTRISEARCH_CDS=off starts without it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
nutrisearch_find_jdk
command -v mvn >/dev/null 2>&1 || { echo "Maven (mvn) is needed to build NutriSearch; install Apache Maven 3.8+." >&2; exit 1; }
mvn -q -B -DskipTests package
# -Xms512m: in a heap capped at 512 MB (the service's target, the benchmarks, a machine under 2 GB) G1
# kept about 230 MB in use for the ~100 MB the service keeps and, with new searches allocating 200 MB/s,
# started a concurrent mark every second or two; from 512 MB it does not. Elsewhere it is a floor only
# (the JVM's default maximum is a quarter of the memory). docs/benchmarks.md, "What changed (five
# articles, lexical, 2026-12-07 15:00)".
JVM_FLAGS=(-Xms512m --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
JAR=target/nutrisearch.jar
if [ "${NUTRISEARCH_CDS:-on}" != off ]; then
  # The JVM accepts an archive only for a jar of the same size and modification time, and Maven
  # rewrites the jar on every build; builds are reproducible (pom.xml), so the copy served here is
  # replaced only when the build's bytes change.
  mkdir -p target/serve
  # The archive fits one jar and one JDK. A JVM given a stale archive runs without it but does not
  # write a new one (only a missing archive is written at exit), so a stale one is removed here.
  jdk_stamp="$JAVA_HOME $(cat "$JAVA_HOME/release" 2>/dev/null | tr '\n' ' ')"
  if ! cmp -s target/nutrisearch.jar target/serve/nutrisearch.jar \
      || [ "$(cat target/serve/jdk.stamp 2>/dev/null)" != "$jdk_stamp" ]; then
    rm -f target/serve/nutrisearch.jsa
    cp target/nutrisearch.jar target/serve/nutrisearch.jar.tmp
    mv -f target/serve/nutrisearch.jar.tmp target/serve/nutrisearch.jar
    printf '%s' "$jdk_stamp" > target/serve/jdk.stamp
  fi
  JAR=target/serve/nutrisearch.jar
  # One server at a time may write the archive (two writing at once could tear it): the java process
  # inherits the lock on fd 9 and holds it until it exits; a second server starts without the archive.
  # The JDK's own archive (lib/server/classes.jsa) marks a HotSpot JVM with class-data sharing, which
  # -XX:+AutoCreateSharedArchive (JDK 19+) builds on; other JVMs start without these flags, and
  # IgnoreUnrecognizedVMOptions keeps any that lacks one of them starting. -Xlog:cds*=off: the JVM
  # says nothing about a missing archive (it writes one at exit) or the classes it cannot archive.
  if [ -f "$JAVA_HOME/lib/server/classes.jsa" ] \
      && { ! command -v flock >/dev/null 2>&1 || { exec 9>target/serve/cds.lock && flock -n 9; }; }; then
    JVM_FLAGS+=(-XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive
      -XX:SharedArchiveFile=target/serve/nutrisearch.jsa -Xlog:cds*=off)
  fi
fi
exec "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -jar "$JAR" serve "$@"
