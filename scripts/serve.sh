#!/usr/bin/env bash
# Builds the jar, indexes the bundled corpus (when the index is missing or stale) and serves
# the page and the API on http://localhost:7070 (or $PORT). Extra arguments go to `serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
nutrisearch_find_jdk
command -v mvn >/dev/null 2>&1 || { echo "Maven (mvn) is needed to build NutriSearch; install Apache Maven 3.8+." >&2; exit 1; }
mvn -q -B -DskipTests package
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -jar target/nutrisearch.jar serve "$@"
