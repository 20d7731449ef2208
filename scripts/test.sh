#!/usr/bin/env bash
# Runs every test (unit, end-to-end over HTTP, browser tests when Chromium is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
nutrisearch_find_jdk
command -v mvn >/dev/null 2>&1 || { echo "Maven (mvn) is needed to build NutriSearch; install Apache Maven 3.8+." >&2; exit 1; }
# The OpenSearch nodes (k-NN; security) some tests start as processes with classpaths of their own.
scripts/opensearch-test-nodes.sh
exec mvn -B verify "$@"
