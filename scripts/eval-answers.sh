#!/usr/bin/env bash
# Prints the answer-endpoint figures on the judged chatbot questions (see docs/answer.md), per
# retrieval mode (lexical, semantic, hybrid); it loads the embedding model and embeds corpus/.
#   scripts/eval-answers.sh [--detail] [--mode hybrid]
#                                               accuracy@1/@3, decline rates, threshold table per mode
#   scripts/eval-answers.sh --fit [--mode m] [--l2 X] [--features a,b,...]
#                                               refits each mode's confidence weights, with leave-one-out and two folds
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh && nutrisearch_find_jdk
MAIN=org.nutrisearch.eval.AnswerEvalMain
if [ "${1:-}" = "--fit" ]; then
  MAIN=org.nutrisearch.eval.AnswerWeightsFit
  shift
fi
if ! mvn -q -B test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test >target/eval-build.log 2>&1; then
  cat target/eval-build.log >&2
  exit 1
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  "$MAIN" "$@"
