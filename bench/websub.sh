#!/usr/bin/env bash
# WebSub delivery latency over loopback HTTP by number of subscribers, with stalled and dead ones.
# Usage: bench/websub.sh [COUNT ...]   (default 1 100 1000 live subscribers)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.minbar.bench.WebSubBenchmark "$@"
