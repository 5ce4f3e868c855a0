#!/usr/bin/env bash
# The publish path against a real server in its own process: single POSTs of ~7.6 KB Arabic
# articles by 1 and 16 publishers, the NDJSON batch endpoint, the same articles in in-process
# SQLite at the same durability (WAL, synchronous=FULL) with the ratios to it, freshness in /feed/
# and over WebSub on an idle server, catch-up of derived data after a burst while /feed/ is read,
# and the server's peak RSS and heap after GC under -Xmx256m. Prints tables at the end.
#
# Usage: bench/publish.sh [--small] [--keep] [OPTION VALUE ...]   everything (at most about 10 min; --small 2)
#        bench/publish.sh --profile [--keep] [OPTION VALUE ...]   JFR profile of 1 then 16 publishers,
#                                                                 30 s each (--seconds S), and its hot spots
#   OPTIONs go to the driver: --seconds, --warm-up, --batch-articles, --batch-lines, --rounds, --burst,
#   --burst-seconds, --derived-seconds, --baseline-articles (src/test/java/org/minbar/bench/PublishOptions.java).
#   --keep leaves the temporary folder (store, server log, GC log, recording) and prints where it is.
#   Environment: BENCH_LIMIT (seconds the driver may run, default 1200), TMPDIR (where the store goes:
#   the baseline and the server share that disk), MINBAR_BUILD_DIR (build output, default target).
#
# Steps: build target/minbar.jar and the test classes; make a temporary folder with an empty store,
# an empty seeds folder and a copy of feeds/ whose site.json has no baseUrl (links name the real
# port) and allows loopback WebSub callbacks (org.minbar.bench.BenchFeeds); start
#   java -Xmx256m -Xlog:gc:file=… -jar minbar.jar serve --port 0 --storage … --feeds … --seeds …
# with a random token in MINBAR_TOKEN (never on a command line); run org.minbar.bench.PublishBenchmark
# (test classpath) against it. With --profile the server also runs -XX:StartFlightRecording
# (settings=profile); the recording is kept as BUILD/publish-profile.jfr and summarised by
# org.minbar.bench.JfrHotSpots from the moment the driver starts (a short warm-up, then the loads).
#
# Bounds: the build 15 min, the server 60 s to start and 20 s to stop after TERM (then KILL), the
# driver BENCH_LIMIT; whatever happens, on exit every process started here is stopped and the
# temporary folder removed (unless --keep).
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=0
KEEP=0
DRIVER_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --profile) PROFILE=1 ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) DRIVER_ARGS+=("$arg") ;;
  esac
done
BUILD=${MINBAR_BUILD_DIR:-target}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
LIMIT=${BENCH_LIMIT:-1200}

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
    if [ "$KEEP" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building $BUILD/minbar.jar and the benchmark classes" >&2
timeout 900 mvn -q -B -DskipTests -DbuildDir="$BUILD" package dependency:build-classpath \
  -Dmdep.outputFile="$BUILD/bench.classpath" >&2
CP="$BUILD/classes:$BUILD/test-classes:$(cat "$BUILD/bench.classpath")"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/minbar-publish.XXXXXX")
mkdir -p "$TMP/seeds" "$TMP/storage"
java -cp "$CP" org.minbar.bench.BenchFeeds feeds "$TMP/feeds"
MINBAR_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export MINBAR_TOKEN

SERVER_OPTS=(-Xmx256m "-Xlog:gc:file=$TMP/gc.log")
JFR_FILE="$BUILD/publish-profile.jfr"
if [ "$PROFILE" = 1 ]; then
  SERVER_OPTS+=("-XX:StartFlightRecording=name=publish,settings=profile")
  case " ${DRIVER_ARGS[*]} " in
    *" --small "*) DRIVER_ARGS=(--load-only "${DRIVER_ARGS[@]}") ;;
    *) DRIVER_ARGS=(--load-only --seconds 30 "${DRIVER_ARGS[@]}") ;;
  esac
fi
# The access log is off, as in the figures before it existed and as nginx's in the serving baseline.
java "${SERVER_OPTS[@]}" -jar "$BUILD/minbar.jar" serve --port 0 --storage "$TMP/storage" \
  --feeds "$TMP/feeds" --seeds "$TMP/seeds" --access-log false >"$TMP/server.out" 2>"$TMP/server.err" &
SERVER_PID=$!
PORT=
for _ in $(seq 600); do
  PORT=$(sed -n 's/.*(listening on [^)]*:\([0-9][0-9]*\)).*/\1/p' "$TMP/server.out")
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped:" >&2; cat "$TMP/server.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "the server did not start within 60 s" >&2; tail -20 "$TMP/server.err" >&2; exit 1; }
echo "server pid $SERVER_PID on http://127.0.0.1:$PORT, store in $TMP (filesystem $(stat -f -c %T "$TMP")); load average $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"

LOAD_BEGAN=$(date +%s%3N)
timeout --kill-after=10 "$LIMIT" java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  org.minbar.bench.PublishBenchmark --base "http://127.0.0.1:$PORT" --pid "$SERVER_PID" --gc-log "$TMP/gc.log" \
  --work "$TMP/baseline" "${DRIVER_ARGS[@]}" &
DRIVER_PID=$!
status=0
wait "$DRIVER_PID" || status=$?
DRIVER_PID=

if [ "$PROFILE" = 1 ] && [ "$status" = 0 ]; then
  timeout 120 jcmd "$SERVER_PID" JFR.dump name=publish filename="$JFR_FILE" >/dev/null
  echo
  java -cp "$CP" org.minbar.bench.JfrHotSpots "$JFR_FILE" 15 6 "$LOAD_BEGAN"
fi

echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg) (other work on the machine slows every figure but CPU per article)"
warnings=$(grep -cE '(WARN|ERROR|Exception)' "$TMP/server.err" || true)
echo "server log: $warnings lines with WARN, ERROR or an exception$([ "$warnings" -gt 0 ] && echo '; the first:')"
grep -E '(WARN|ERROR|Exception)' "$TMP/server.err" | cut -c1-300 | head -5 || true
# The server's own writes are seen by its watch for outside writes (ExternalChanges) too; count what that did.
echo "server log: $(grep -c 'search index: rebuilding' "$TMP/server.err" || true) full index rebuilds (one at start)," \
  "$(grep -c 'changes made after its last commit' "$TMP/server.err" || true) catch-ups of writes the index had missed"
[ "$status" = 0 ] || echo "the driver failed (exit $status)" >&2
exit "$status"
