#!/usr/bin/env bash
# What counting polls for the subscriber statistics costs a cached feed: two Minbar servers on
# copies of one store, one counting polls (the default) and one started with --count-polls false,
# served the same requests by wrk in alternating rounds.
#
# Usage: bench/poll-counting.sh [--rounds N] [--seconds S] [--agents N]
#   --rounds N    wrk rounds per server and case, alternating counting, not counting (default 5)
#   --seconds S   length of one round (default 5)
#   --agents N    distinct User-Agents the requests cycle through (default 20000: more distinct
#                 pollers between two flushes than any real feed has, the worst case for the tally);
#                 one request in ten is an aggregator reporting a subscriber count
#
# Prints first what one count costs a serving thread, measured in-process (PollCountingCost: two
# threads calling SubscriberStatistics.polled, the flush to SQLite running), steady where wrk on a
# shared 2-core machine is not; then, as a Markdown table, requests/s (median of the rounds, wrk -t2 -c32) and p99 latency of
# /feed/ with and without counting, 200 gzip and 304, and their ratio; then what the counting
# server recorded (/api/stats: polls, 304s, distinct pollers, pollers dropped), beside the number
# of requests wrk completed against it, so a reader sees that every poll was counted.
# Needs Java 17, Maven, curl and wrk (the Debian package, installed with apt-get as root when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
export LC_NUMERIC=C

ROUNDS=5
SECONDS_PER_ROUND=5
AGENTS=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift ;;
    --seconds) SECONDS_PER_ROUND=$2; shift ;;
    --agents) AGENTS=$2; shift ;;
    *) sed -n '2,11p' "$0" >&2; exit 2 ;;
  esac
  shift
done
for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk curl >/dev/null
    else
      echo "$tool is missing: apt-get install wrk curl" >&2; exit 2
    fi
  fi
done

TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
WORK=$(mktemp -d "${TMPDIR:-/tmp}/minbar-polls.XXXXXX")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM
(umask 077 && echo "Authorization: Bearer $TOKEN" >"$WORK/authorization")


echo "building target/minbar.jar and the bench classes" >&2
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.minbar.bench.StoreFiller "$WORK/store" 1000 >&2
mkdir -p "$WORK/seeds"
echo
echo "### Counting one poll, in-process"
echo
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.minbar.bench.PollCountingCost "$AGENTS" 5000000

declare -A PORT
start() { # NAME COUNT_POLLS
  local port
  port=$(free_port)
  cp -r "$WORK/store" "$WORK/store-$1"
  MINBAR_TOKEN=$TOKEN java -Xmx256m -jar target/minbar.jar serve --port "$port" --storage "$WORK/store-$1" \
    --seeds "$WORK/seeds" --base-url "http://127.0.0.1:$port" --access-log false --count-polls "$2" >"$WORK/$1.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/feed/" || true)" = 200 ] && { PORT[$1]=$port; return; }
    sleep 0.1
  done
  echo "$1 did not start:" >&2; tail -20 "$WORK/$1.log" >&2; return 1
}
start counting true
start plain false

cat >"$WORK/agents.lua" <<'LUA'
local n, agents, etag = 0, tonumber(os.getenv("AGENTS")), os.getenv("ETAG")
request = function()
  n = n + 1
  local i = n % agents
  local agent
  if i % 10 == 0 then
    agent = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; " .. (i % 5000) .. " subscribers; feed-id=bench" .. (i % 97) .. ")"
  else
    agent = "BenchReader/" .. i .. " (+https://reader.example/bench)"
  end
  local headers = {["User-Agent"] = agent, ["Accept-Encoding"] = "gzip"}
  if etag ~= "" then headers["If-None-Match"] = etag end
  return wrk.format("GET", "/feed/", headers)
end
LUA

declare -A REQUESTS=([counting]=0 [plain]=0)
run() { # NAME ETAG OUT
  AGENTS=$AGENTS ETAG=$2 wrk -t2 -c32 -d"${SECONDS_PER_ROUND}s" --latency -s "$WORK/agents.lua" "http://127.0.0.1:${PORT[$1]}/" >"$3" 2>&1
  REQUESTS[$1]=$(( REQUESTS[$1] + $(awk '/requests in/ {print $1}' "$3") ))
  if grep -q "Non-2xx\|Socket errors" "$3"; then echo "$1: $(grep "Non-2xx\|Socket errors" "$3")" >&2; fi
}
p99_ms() { awk '$1 == "99%" {v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
  print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v)}' "$1"; }

echo "warming both servers up" >&2
for _ in 1 2; do for name in counting plain; do run "$name" "" "$WORK/warm"; done; done
REQUESTS=([counting]=0 [plain]=0)
etag() { curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:${PORT[$1]}/feed/" | awk 'tolower($1) == "etag:" {sub(/\r$/, ""); print $2}'; }
declare -A ETAG=([counting]=$(etag counting) [plain]=$(etag plain))
[ "${ETAG[counting]}" = "${ETAG[plain]}" ] || echo "note: the two servers' ETags differ (${ETAG[counting]} ${ETAG[plain]})" >&2

echo
echo "### Counting polls: /feed/ served with and without --count-polls"
echo
echo "wrk -t2 -c32 --latency, $ROUNDS rounds of $SECONDS_PER_ROUND s each, alternating; $AGENTS distinct User-Agents; medians."
echo
echo "| request | counting req/s | not counting req/s | counting/not | counting p99 ms | not counting p99 ms |"
echo "|---|---|---|---|---|---|"
for kind in "200 gzip" "304"; do
  for name in counting plain; do : >"$WORK/$name.rps"; : >"$WORK/$name.p99"; done
  for round in $(seq "$ROUNDS"); do
    order="counting plain"; [ $((round % 2)) = 0 ] && order="plain counting" # neither always goes first
    for name in $order; do
      tag=""; [ "$kind" = 304 ] && tag=${ETAG[$name]}
      run "$name" "$tag" "$WORK/round"
      rps "$WORK/round" >>"$WORK/$name.rps"; p99_ms "$WORK/round" >>"$WORK/$name.p99"
    done
  done
  c=$(median <"$WORK/counting.rps"); p=$(median <"$WORK/plain.rps")
  printf '| /feed/ %s | %.0f | %.0f | %.3f | %.2f | %.2f |\n' "$kind" "$c" "$p" "$(awk -v a="$c" -v b="$p" 'BEGIN {print a / b}')" \
    "$(median <"$WORK/counting.p99")" "$(median <"$WORK/plain.p99")"
done

echo
stats=$(curl -s -H @"$WORK/authorization" "http://127.0.0.1:${PORT[counting]}/api/stats")
python3 - "$stats" "${REQUESTS[counting]}" <<'PY' || echo "$stats" | head -c 2000
import json, sys
stats = json.loads(sys.argv[1])
feed = next(f for f in stats["feeds"] if f["feed"] == "/feed/")
today = feed["today"]
print(f"The counting server answered {int(sys.argv[2]):,} measured requests (and the warm-up and ETag requests before them);")
print(f"/api/stats counted today: {today['polls']:,} polls of /feed/, {today['notModified']:,} of them 304, "
      f"{today['pollers']:,} distinct other pollers, {today['subscribers']:,} subscribers from "
      f"{len(feed['aggregators'])} Feedly feed-ids; pollers dropped: {stats['pollersDropped']:,}.")
PY
