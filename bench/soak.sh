#!/usr/bin/env bash
# A soak run against a real server under -Xmx256m: readers polling every kind of feed with
# conditional GETs and checking every document, publishers creating, updating and deleting,
# WebSub subscribers (half of them stalling 20 s on each push). Passes with no 5xx, no invalid
# document, and heap after a full GC at the end within 10 % of the start (org.minbar.bench.SoakBenchmark).
#
# Usage: bench/soak.sh [SECONDS]        default 600 (ten minutes), plus about a minute to build and settle
#   --keep as a second argument leaves the temporary folder (store, logs) and prints where it is.
#   Environment: MINBAR_BUILD_DIR (build output, default target), TMPDIR (where the store goes).
# Bounds: the build 15 min, the server 60 s to start and 20 s to stop after TERM (then KILL), the
# driver SECONDS + 300 s; whatever happens, every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_SOAK=${1:-600}
KEEP=${2:-}
case "$SECONDS_TO_SOAK" in ''|*[!0-9]*) echo "usage: bench/soak.sh [SECONDS] [--keep]" >&2; exit 2 ;; esac
BUILD=${MINBAR_BUILD_DIR:-target}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac

SERVER_PID=
DRIVER_PID=
TMP=
stop() { # PID SECONDS: TERM, then KILL if it is still there after SECONDS
  local pid=$1 waited=0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt "$(($2 * 10))" ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$DRIVER_PID" 10
  stop "$SERVER_PID" 20
  if [ -n "$TMP" ]; then
    if [ "$KEEP" = --keep ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building $BUILD/minbar.jar and the benchmark classes" >&2
timeout 900 mvn -q -B -DskipTests -DbuildDir="$BUILD" package dependency:build-classpath \
  -Dmdep.outputFile="$BUILD/bench.classpath" >&2
CP="$BUILD/classes:$BUILD/test-classes:$(cat "$BUILD/bench.classpath")"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/minbar-soak.XXXXXX")
mkdir -p "$TMP/seeds" "$TMP/storage"
java -cp "$CP" org.minbar.bench.BenchFeeds feeds "$TMP/feeds"
MINBAR_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export MINBAR_TOKEN

java -Xmx256m "-Xlog:gc:file=$TMP/gc.log" -jar "$BUILD/minbar.jar" serve --port 0 --storage "$TMP/storage" \
  --feeds "$TMP/feeds" --seeds "$TMP/seeds" >"$TMP/server.out" 2>"$TMP/server.err" &
SERVER_PID=$!
PORT=
for _ in $(seq 600); do
  PORT=$(sed -n 's/.*(listening on [^)]*:\([0-9][0-9]*\)).*/\1/p' "$TMP/server.out")
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped:" >&2; cat "$TMP/server.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "the server did not start within 60 s" >&2; exit 1; }
echo "server pid $SERVER_PID on http://127.0.0.1:$PORT; load average $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"

timeout --kill-after=10 "$((SECONDS_TO_SOAK + 300))" java -Xmx512m -cp "$CP" org.minbar.bench.SoakBenchmark \
  --base "http://127.0.0.1:$PORT" --pid "$SERVER_PID" --gc-log "$TMP/gc.log" --seconds "$SECONDS_TO_SOAK" &
DRIVER_PID=$!
status=0
wait "$DRIVER_PID" || status=$?
DRIVER_PID=
echo "server memory: peak RSS $(grep VmHWM /proc/$SERVER_PID/status | awk '{print $2/1024 " MB"}')"
errors=$(grep -cE ' ERROR |^[[:space:]]+at ' "$TMP/server.err" || true)
echo "server log: $errors lines with ERROR or a stack trace$([ "$errors" -gt 0 ] && echo '; the first:')"
grep -E ' ERROR |^[[:space:]]+at ' "$TMP/server.err" | cut -c1-300 | head -5 || true
exit "$status"
