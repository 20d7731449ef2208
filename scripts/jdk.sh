#!/usr/bin/env bash
# Sourced by the project's entry points: finds a JDK >= 21 (Lucene 10 needs it) and exports JAVA_HOME.
# Order: $JAVA_HOME, then the usual install locations, then `java` on the PATH.

nutrisearch_java_major() {
  # Prints the major version of the java binary given as $1, or nothing.
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

nutrisearch_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local d
  for d in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_major=0 home major
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(nutrisearch_java_major "$home/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"; best_major="$major"
    fi
    # JAVA_HOME wins when it is good enough.
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best="$home"; break; fi
  done
  if [ -z "$best" ]; then
    echo "NutriSearch needs a JDK 21 or newer (Lucene 10 requires it), and none was found." >&2
    echo "Looked at \$JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/*, /opt/java/* and the java on the PATH." >&2
    echo "Install one (for example Debian's openjdk-21-jdk or Temurin 21+) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
