#!/usr/bin/env bash
# Related stories and search at two store sizes: publish+relate, search, index rebuild, heap.
# Usage: bench/related.sh [SMALL [LARGE]]   (default 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.minbar.bench.RelatedBenchmark "${1:-10000}" "${2:-100000}"
