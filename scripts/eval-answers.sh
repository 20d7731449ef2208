#!/usr/bin/env bash
# Prints the answer-endpoint figures (docs/answer.md) on every judged set: the five bundled articles and,
# at portal scale (MedQuAD + the graded MEDIQA answers from ../shared/data), the MEDIQA alexa questions,
# the long MEDIQA validation messages and everyday off-topic questions. Held-out figures (ten folds of
# questions across sets; each set by a model fitted on the others), the shipped model's, a threshold
# sweep and the weights fitted on every set.
#   scripts/eval-answers.sh [--sets five,alexa,validation,general] [--mode hybrid|lexical]
#                           [--threshold 0.4] [--without feature,...] [--l2 1] [--detail] [--rebuild]
#                           [--first-judgments | --fit-pooled]   (the five articles are judged with the answers judged
#                           fine on pooling and fitted without them, as the shipped model was; --first-judgments:
#                           judged without them too; --fit-pooled: fitted with them too)
# The portal corpus, its index and its vector cache live in $NUTRISEARCH_EVAL_CACHE (default
# bench-data/portal, ignored by git): the first run embeds about 17 000 units and their questions
# (about an hour on 2 cores); later runs reuse the index.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh && nutrisearch_find_jdk
mkdir -p target # the build log below is written there before Maven makes it, on a fresh clone
if ! mvn -q -B test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test >target/eval-build.log 2>&1; then
  cat target/eval-build.log >&2
  exit 1
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx3g ${NUTRISEARCH_EVAL_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.nutrisearch.eval.AnswerEvalMain "$@"
