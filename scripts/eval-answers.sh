#!/usr/bin/env bash
# Prints the answer-endpoint figures on the judged chatbot questions (see docs/answer.md).
# Usage: scripts/eval-answers.sh [--detail]     (AnswerWeightsFit instead: MAIN=org.nutrisearch.eval.AnswerWeightsFit)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh && nutrisearch_find_jdk
MAIN="${MAIN:-org.nutrisearch.eval.AnswerEvalMain}"
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" "$MAIN" "$@"
