#!/usr/bin/env bash
# Feed query cost at 10,000 articles (baseline) and at N (default 1,000,000) in the same run.
# Usage: bench/feed-query.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.minbar.bench.FeedQueryBenchmark "${1:-1000000}"
