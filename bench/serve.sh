#!/usr/bin/env bash
# Serving benchmark: the real Minbar server beside Debian's nginx serving the very same bytes.
#
# Usage: bench/serve.sh [--small] [--cold-start] [--rounds N] [--seconds S]
#   --small       1,000 articles only (a quick check, about 7 minutes)
#   --cold-start  also time a start of the 1,000,000-article store without its search index
#                 (always done on the first run, which also fills the store: allow an hour)
#   --rounds N    wrk rounds per server and document, alternating Minbar, nginx (default 5)
#   --seconds S   length of one round (default 5)
#
# At 1,000 and at 1,000,000 articles, prints as Markdown tables:
#   - requests/s (median of the rounds, wrk -t2 -c32) and p99 latency of Minbar and of nginx for
#     the site feed (200 identity, 200 gzip, 304 with each server's own ETag), a category feed,
#     /feed/?paged=2 and /feed/archive/1/, and the ratio Minbar/nginx. nginx serves the documents
#     Minbar served, identity and gzip, fetched with curl (gzip_static, the ETag of each file);
#   - /feed/ read throughput with no publishers and while 16 publishers POST new articles;
#   - start-up (process start to the first 200 on /feed/) and the server's peak RSS (VmHWM);
#   - cold render: the first GET of a category feed and of /feed/ that shows a just published
#     article (and how long after the publish it showed, with the stale answers before it).
# Stores are filled by org.minbar.bench.StoreFiller through the server's own storage classes; the
# 1,000,000-article store (3.6 GB, 25 minutes to fill) is kept in target/bench-store-1m/ as the
# server left it after its first start (migrated, with the search index it built; done again when
# the migrations change), and copied for each run, so every run starts from the same store. Remove
# target/bench-store-1m* to fill it again. Needs Java 17, Maven, curl, wrk and nginx (Debian
# packages wrk and nginx: installed with apt-get when missing and run as root). Whatever the script
# starts (servers, nginx, wrk) is stopped when it ends, fails or is interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
ROOT=$PWD
export LC_NUMERIC=C # printf and awk write 12.5, whatever the locale

SIZES=(1000 1000000)
ROUNDS=5
SECONDS_PER_ROUND=5
COLD_START=false
while [ $# -gt 0 ]; do
  case "$1" in
    --small) SIZES=(1000) ;;
    --cold-start) COLD_START=true ;;
    --rounds) ROUNDS=$2; shift ;;
    --seconds) SECONDS_PER_ROUND=$2; shift ;;
    *) sed -n '2,9p' "$0" >&2; exit 2 ;;
  esac
  shift
done
START_TIMEOUT=1800 # seconds: a server may index a store that has no search index before its first 200
TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=') # never on a command line: env and a header file
CATEGORY=%D9%84%D8%A8%D9%86%D8%A7%D9%86 # لبنان, one of StoreFiller's categories, about 3% of the articles
CACHE=$ROOT/target/bench-store-1m

for tool in wrk nginx curl; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing wrk and nginx with apt-get" >&2
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx curl >/dev/null
    else
      echo "$tool is missing: install the Debian packages wrk, nginx and curl (apt-get install wrk nginx curl)" >&2
      exit 2
    fi
  fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/minbar-serve.XXXXXX")
chmod 755 "$WORK" # nginx's workers (nobody when run as root) read the docroot in it
(umask 077 && echo "Authorization: Bearer $TOKEN" >"$WORK/authorization")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

forget() { # a started process that has ended
  local kept=() pid
  for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  PIDS=("${kept[@]}")
}
stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget "$1"
}
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
hwm_mb() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

echo "building target/minbar.jar and the bench classes" >&2
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
CLASSPATH_BENCH="target/classes:target/test-classes:$(cat target/bench.classpath)"
fill() { # FOLDER COUNT
  java -cp "$CLASSPATH_BENCH" org.minbar.bench.StoreFiller "$1" "$2" >&2
}

mkdir -p "$WORK/seeds" # empty: the stores are filled, nothing is imported
MINBAR_PID= MINBAR_PORT= START_MS=
start_minbar() { # STORE LOG: sets MINBAR_PID, MINBAR_PORT, START_MS
  MINBAR_PORT=$(free_port)
  local began status
  began=$(date +%s%N)
  # The access log is off, as nginx's is in the baseline.
  MINBAR_TOKEN=$TOKEN java -Xmx256m -jar target/minbar.jar serve --port "$MINBAR_PORT" --storage "$1" \
    --seeds "$WORK/seeds" --base-url "http://127.0.0.1:$MINBAR_PORT" --access-log false >"$2" 2>&1 &
  MINBAR_PID=$!
  PIDS+=("$MINBAR_PID")
  while true; do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$MINBAR_PORT/feed/" || true)
    [ "$status" = 200 ] && break
    if ! kill -0 "$MINBAR_PID" 2>/dev/null; then
      echo "Minbar stopped during start-up; the end of its log:" >&2; tail -20 "$2" >&2; return 1
    fi
    if [ $(( ($(date +%s%N) - began) / 1000000000 )) -ge "$START_TIMEOUT" ]; then
      echo "Minbar gave no 200 on /feed/ within $START_TIMEOUT s; the end of its log:" >&2; tail -5 "$2" >&2; return 1
    fi
    sleep 0.02
  done
  START_MS=$(ms_since "$began")
}
wait_idle() { # PID: until it uses under 5 % of a core for 4 s (background indexing, JIT), at most START_TIMEOUT
  local before after quiet=0 waited=0
  before=$(awk '{print $14 + $15}' "/proc/$1/stat")
  while [ $quiet -lt 2 ] && [ $waited -lt "$START_TIMEOUT" ]; do
    sleep 2; waited=$((waited + 2))
    after=$(awk '{print $14 + $15}' "/proc/$1/stat")
    if [ $((after - before)) -lt $(( $(getconf CLK_TCK) / 10 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
    before=$after
  done
}

# ---- wrk -------------------------------------------------------------------------------------
wrk_run() { # OUT URL [wrk options...]: one wrk run, its output kept in OUT
  local out=$1 url=$2; shift 2
  wrk -t2 -c32 -d"${SECONDS_PER_ROUND}s" --latency "$@" "$url" >"$out" 2>&1 || { cat "$out" >&2; return 1; }
}
p99_ms() { awk '$1 == "99%" {v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
  print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v)}' "$1"; }
problems() { # non-2xx/3xx answers and socket errors, or nothing
  awk '/Non-2xx or 3xx/ {printf "%s non-2xx/3xx; ", $NF} /Socket errors/ {sub(/^ */, ""); printf "%s; ", $0}' "$1"
}

WARNINGS=()
note_problems() { # OUT LABEL
  local p
  p=$(problems "$1")
  if [ -n "$p" ]; then WARNINGS+=("$2: $p"); fi
}

# ---- the documents, and nginx serving the same bytes --------------------------------------------
DOCS=(site category paged2 archive1)
declare -A PATH_OF=([site]=/feed/ [category]=/category/$CATEGORY/feed/ [paged2]='/feed/?paged=2' [archive1]=/feed/archive/1/)
header() { awk -v name="$2" 'index(tolower($0), tolower(name) ":") == 1 {sub(/^[^:]*: */, ""); sub(/\r$/, ""); print}' "$1"; }

fetch_documents() { # DOCROOT: each document identity and gzip, exactly as Minbar serves them
  local doc url
  mkdir -p "$1" "$WORK/headers"
  for doc in "${DOCS[@]}"; do
    url=http://127.0.0.1:$MINBAR_PORT${PATH_OF[$doc]}
    curl -sf -D "$WORK/headers/$doc" -o "$1/$doc.xml" "$url"
    curl -sf -H 'Accept-Encoding: gzip' -D "$WORK/headers/$doc.gz" -o "$1/$doc.xml.gz" "$url"
    [ "$(header "$WORK/headers/$doc.gz" Content-Encoding)" = gzip ] || { echo "$url: no gzip answer" >&2; return 1; }
    gunzip -c "$1/$doc.xml.gz" | cmp -s - "$1/$doc.xml" || { echo "$url: gzip and identity differ" >&2; return 1; }
    touch -d "$(header "$WORK/headers/$doc" Last-Modified)" "$1/$doc.xml" "$1/$doc.xml.gz"
  done
  chmod -R a+rX "$1"
}

nginx_conf() { # DIR DOCROOT PORT
  local doc link
  cat <<EOF
worker_processes auto;
pid $1/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    open_file_cache max=64 inactive=600s; # as a static server would be tuned: no open() per request
    open_file_cache_valid 600s;
    keepalive_requests 100000000;
    etag on;
    gzip off;
    gzip_static on;
    gzip_vary on;
    types {}
    client_body_temp_path $1/body;
    proxy_temp_path $1/proxy;
    fastcgi_temp_path $1/fastcgi;
    uwsgi_temp_path $1/uwsgi;
    scgi_temp_path $1/scgi;
    server {
        listen 127.0.0.1:$3;
        root $2;
EOF
  for doc in "${DOCS[@]}"; do # the headers Minbar sent beside the body, so both answers carry the same
    echo "        location = /$doc.xml {"
    echo "            default_type '$(header "$WORK/headers/$doc" Content-Type)';"
    echo "            add_header Cache-Control '$(header "$WORK/headers/$doc" Cache-Control)';"
    echo "            add_header X-Content-Type-Options nosniff;"
    header "$WORK/headers/$doc" Link | while IFS= read -r link; do echo "            add_header Link '$link';"; done
    echo "        }"
  done
  echo "    }"
  echo "}"
}

NGINX_PID= NGINX_PORT=
start_nginx() { # DOCROOT
  local dir=$WORK/nginx
  mkdir -p "$dir"
  NGINX_PORT=$(free_port)
  nginx_conf "$dir" "$1" "$NGINX_PORT" >"$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' &
  NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/site.xml" && return 0
    sleep 0.05
  done
  echo "nginx did not start:" >&2; cat "$dir/error.log" >&2; return 1
}

# ---- one size ---------------------------------------------------------------------------------
declare -A RESULT
REPORT=()

measure_reads() { # SIZE: Minbar and nginx, alternating, for every case
  local size=$1 docroot=$WORK/docroot-$size label m_url n_url hdr etag_m etag_n r
  fetch_documents "$docroot"
  start_nginx "$docroot"
  etag_m=$(header "$WORK/headers/site" ETag)
  etag_n=$(curl -sI "http://127.0.0.1:$NGINX_PORT/site.xml" | header /dev/stdin ETag)
  for server in minbar nginx; do # both must answer the conditional GET with 304, and gzip with gzip
    local base tag
    if [ $server = minbar ]; then base=http://127.0.0.1:$MINBAR_PORT/feed/ tag=$etag_m; else base=http://127.0.0.1:$NGINX_PORT/site.xml tag=$etag_n; fi
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $tag" "$base")" = 304 ] || { echo "$server: no 304 for $tag" >&2; return 1; }
    [ "$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$base" | header /dev/stdin Content-Encoding)" = gzip ] \
      || { echo "$server: no gzip" >&2; return 1; }
  done
  local cases=("site feed, 200|site|" "site feed, 200 gzip|site|Accept-Encoding: gzip" "site feed, 304|site|304"
               "category feed, 200|category|" "/feed/?paged=2, 200|paged2|" "/feed/archive/1/, 200|archive1|")
  REPORT+=("" "### $(thousands "$size") articles: Minbar beside nginx serving the same bytes"
           "" "wrk -t2 -c32 --latency, ${ROUNDS} rounds of ${SECONDS_PER_ROUND} s each, alternating Minbar and nginx; medians."
           "" "| request | bytes | Minbar req/s | nginx req/s | Minbar/nginx | Minbar p99 | nginx p99 |" "|---|---|---|---|---|---|---|")
  for entry in "${cases[@]}"; do
    IFS='|' read -r label doc hdr <<<"$entry"
    m_url=http://127.0.0.1:$MINBAR_PORT${PATH_OF[$doc]}
    n_url=http://127.0.0.1:$NGINX_PORT/$doc.xml
    local m_opts=() n_opts=() bytes
    bytes=$(stat -c %s "$docroot/$doc.xml")
    if [ "$hdr" = 304 ]; then
      m_opts=(-H "If-None-Match: $etag_m"); n_opts=(-H "If-None-Match: $etag_n"); bytes=0
    elif [ -n "$hdr" ]; then
      m_opts=(-H "$hdr"); n_opts=(-H "$hdr"); bytes=$(stat -c %s "$docroot/$doc.xml.gz")
    fi
    echo "  $label: warm-up, then $ROUNDS rounds each" >&2
    SECONDS_PER_ROUND=2 wrk_run "$WORK/warm" "$m_url" "${m_opts[@]}"
    SECONDS_PER_ROUND=2 wrk_run "$WORK/warm" "$n_url" "${n_opts[@]}"
    : >"$WORK/m.rps"; : >"$WORK/n.rps"; : >"$WORK/m.p99"; : >"$WORK/n.p99"
    for r in $(seq "$ROUNDS"); do
      wrk_run "$WORK/m.out" "$m_url" "${m_opts[@]}"; note_problems "$WORK/m.out" "$size, Minbar, $label"
      rps "$WORK/m.out" >>"$WORK/m.rps"; p99_ms "$WORK/m.out" >>"$WORK/m.p99"
      wrk_run "$WORK/n.out" "$n_url" "${n_opts[@]}"; note_problems "$WORK/n.out" "$size, nginx, $label"
      rps "$WORK/n.out" >>"$WORK/n.rps"; p99_ms "$WORK/n.out" >>"$WORK/n.p99"
    done
    local mr nr
    mr=$(median <"$WORK/m.rps"); nr=$(median <"$WORK/n.rps")
    REPORT+=("$(printf '| %s | %s | %.0f | %.0f | %.2f | %.2f ms | %.2f ms |' "$label" "$bytes" "$mr" "$nr" \
      "$(echo "$mr $nr" | awk '{print $1 / $2}')" "$(median <"$WORK/m.p99")" "$(median <"$WORK/n.p99")")")
    RESULT["$size,$label"]="$(tr '\n' ' ' <"$WORK/m.rps")/ $(tr '\n' ' ' <"$WORK/n.rps")"
  done
  stop "$NGINX_PID"
}

write_publish_lua() {
  cat >"$WORK/publish.lua" <<'LUA'
-- Each request POSTs a new article (a guid and title never used before) as a publisher would.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
local content
function init(args)
  run = args[1]
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("MINBAR_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  local p = "<p>قالت مصادر عسكرية إن الاشتباكات تجددت في ريف المحافظة الجنوبي بعد هجوم شنه مسلحون على مواقع"
    .. " الجيش، وأضافت أن الطيران استهدف خطوط الإمداد قرب الطريق الدولي.</p>"
  content = p .. p .. p .. p .. p .. p
end
function request()
  n = n + 1
  local id = run .. "-" .. tid .. "-" .. n
  local body = '{"guid":"urn:minbar:bench:publish:' .. id .. '","title":"تطورات ميدانية جديدة في ريف المحافظة ' .. id
    .. '","content":"' .. content .. '","author":{"name":"نور الدين"},"categories":["لبنان","سوريا"],'
    .. '"tags":["الجيش"],"language":"ar"}'
  return wrk.format(nil, "/api/articles", nil, body)
end
LUA
}

measure_publishers() { # SIZE: /feed/ reads alone (A) and while 16 publishers POST (B), alternating
  local size=$1 url=http://127.0.0.1:$MINBAR_PORT/feed/ r pub
  : >"$WORK/a.rps"; : >"$WORK/b.rps"; : >"$WORK/p.rps"; : >"$WORK/p.p99"
  echo "  /feed/ reads alone and while 16 publishers run: $ROUNDS rounds each" >&2
  for r in $(seq "$ROUNDS"); do
    wrk_run "$WORK/a.out" "$url"; note_problems "$WORK/a.out" "$size, reads alone"
    rps "$WORK/a.out" >>"$WORK/a.rps"
    MINBAR_TOKEN=$TOKEN wrk -t2 -c16 -d"$((SECONDS_PER_ROUND + 2))s" --timeout 30s --latency -s "$WORK/publish.lua" \
      "http://127.0.0.1:$MINBAR_PORT" -- "$size-$r-$$" >"$WORK/p.out" 2>&1 &
    pub=$!
    PIDS+=("$pub")
    sleep 1
    wrk_run "$WORK/b.out" "$url"; note_problems "$WORK/b.out" "$size, reads beside publishers"
    rps "$WORK/b.out" >>"$WORK/b.rps"
    wait "$pub" || { cat "$WORK/p.out" >&2; return 1; }
    forget "$pub"
    note_problems "$WORK/p.out" "$size, publishers"
    rps "$WORK/p.out" >>"$WORK/p.rps"; p99_ms "$WORK/p.out" >>"$WORK/p.p99"
  done
  local a b
  a=$(median <"$WORK/a.rps"); b=$(median <"$WORK/b.rps")
  PUBLISH_ROW=$(printf '| %s | %.0f | %.0f | %.2f | %.1f | %.0f ms |' "$(thousands "$size")" "$a" "$b" \
    "$(echo "$a $b" | awk '{print $2 / $1}')" "$(median <"$WORK/p.rps")" "$(median <"$WORK/p.p99")")
}

first_fresh() { # URL GUID SINCE_NS: GETs until the answer holds GUID; prints its time (ms), the lag (ms), stale answers
  local stale=0 took
  while true; do
    took=$(curl -sf -o "$WORK/body" -w '%{time_total}' "$1")
    if grep -qF "$2" "$WORK/body"; then
      echo "$took $(ms_since "$3") $stale" | awk '{print $1 * 1000, $2, $3}'
      return
    fi
    stale=$((stale + 1))
    [ "$(ms_since "$3")" -lt 10000 ] || { echo "$2 not in $1 10 s after its publish" >&2; return 1; }
  done
}

measure_cold_render() { # SIZE: after each of 20 publishes, the first GET of a category feed and of /feed/ that show it
  local size=$1 i base=http://127.0.0.1:$MINBAR_PORT guid published
  : >"$WORK/c.ms"; : >"$WORK/s.ms"; : >"$WORK/w.ms"; : >"$WORK/pub.ms"
  echo "  cold render after 20 publishes" >&2
  for i in $(seq 20); do
    guid=urn:minbar:bench:cold:$size-$$-$i
    curl -sf -o /dev/null -w '%{time_total}\n' -X POST -H "@$WORK/authorization" -H 'Content-Type: application/json' \
      --data "{\"guid\":\"$guid\",\"title\":\"خبر عاجل من بيروت رقم $i-$$\",\"content\":\"<p>أعلنت الحكومة اللبنانية خطة جديدة للكهرباء، رقم $i.</p>\",\"author\":\"نور الدين\",\"categories\":[\"لبنان\"]}" \
      "$base/api/articles" >>"$WORK/pub.ms"
    published=$(date +%s%N)
    # a write drops cached feeds, at once or (when derived in the background) soon after: until then
    # the cached document, without the article, is served; the first answer that shows it is rendered
    first_fresh "$base/category/$CATEGORY/feed/" "$guid" "$published" >>"$WORK/c.ms"
    first_fresh "$base/feed/" "$guid" "$published" >>"$WORK/s.ms"
    curl -sf -o /dev/null -w '%{time_total}\n' "$base/feed/" >>"$WORK/w.ms"
  done
  column() { awk -v c="$2" -v f="$3" '{print $c * f}' "$1" | median; } # FILE COLUMN FACTOR (1000: seconds to ms)
  COLD_ROW=$(printf '| %s | %.1f ms | %.1f ms | %.2f ms | %.0f ms | %.0f ms, %d stale answers in all |' "$(thousands "$size")" \
    "$(column "$WORK/c.ms" 1 1)" "$(column "$WORK/s.ms" 1 1)" "$(column "$WORK/w.ms" 1 1000)" "$(column "$WORK/pub.ms" 1 1000)" \
    "$(column "$WORK/c.ms" 2 1)" "$(awk '{n += $3} END {print n + 0}' "$WORK/c.ms")")
}

prepare_store() { # SIZE STORE: a store of SIZE articles in STORE; sets START_ROWS for a store without index
  local size=$1 store=$2
  START_ROWS=()
  if [ "$size" -lt 1000000 ]; then
    echo "filling $size articles" >&2
    fill "$store" "$size"
    return
  fi
  if [ ! -f "$CACHE.filled" ]; then
    echo "filling $size articles into $CACHE (once; kept for later runs): about a quarter of an hour" >&2
    fill "$CACHE" "$size"
    touch "$CACHE.filled"
  fi
  local migrations
  migrations=$(cat src/main/resources/db/migrations/*.sql | sha1sum | cut -c1-12)
  if [ "$(cat "$CACHE.served" 2>/dev/null)" != "$migrations" ] || $COLD_START; then
    mkdir -p "$store"
    cp "$CACHE"/minbar.db* "$store"/ # the database alone: the server finds no search index
    echo "starting Minbar on the $size-article store without its search index (at most $START_TIMEOUT s)" >&2
    start_minbar "$store" "$WORK/minbar-$size-cold.log"
    START_ROWS+=("$(printf '| %s, first start: no search index | %.2f s | %s MB |' "$(thousands "$size")" \
      "$(echo "$START_MS" | awk '{print $1 / 1000}')" "$(hwm_mb "$MINBAR_PID")")")
    wait_idle "$MINBAR_PID" # an index built in the background must be whole before the store is kept
    START_ROWS[-1]="${START_ROWS[-1]% MB |} MB (once idle: $(hwm_mb "$MINBAR_PID") MB) |"
    stop "$MINBAR_PID"
    if [ "$(cat "$CACHE.served" 2>/dev/null)" != "$migrations" ]; then
      # kept for later runs as the server left it: migrated by this code, with the index it built
      rm -rf "$CACHE.new" && cp -r "$store" "$CACHE.new" && rm -rf "$CACHE" && mv "$CACHE.new" "$CACHE"
      echo "$migrations" >"$CACHE.served"
    fi
  else
    cp -r "$CACHE" "$store"
  fi
}

PUBLISH_ROWS=() COLD_ROWS=() START_ALL=()
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg) # other work on the machine shows in every figure
write_publish_lua
for size in "${SIZES[@]}"; do
  echo "== $(thousands "$size") articles" >&2
  store=$WORK/store-$size
  prepare_store "$size" "$store"
  START_ALL+=("${START_ROWS[@]}")
  start_minbar "$store" "$WORK/minbar-$size.log"
  start_row=$(printf '| %s | %.2f s |' "$(thousands "$size")" "$(echo "$START_MS" | awk '{print $1 / 1000}')")
  start_hwm=$(hwm_mb "$MINBAR_PID")
  wait_idle "$MINBAR_PID"
  measure_reads "$size"
  measure_publishers "$size"; PUBLISH_ROWS+=("$PUBLISH_ROW")
  measure_cold_render "$size"; COLD_ROWS+=("$COLD_ROW")
  START_ALL+=("${start_row} ${start_hwm} MB (end of run: $(hwm_mb "$MINBAR_PID") MB) |")
  stop "$MINBAR_PID"
  rm -rf "$store"
done

{
  printf '%s\n' "## bench/serve.sh on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(git describe --always --dirty 2>/dev/null || echo '?')"
  printf '%s\n' "" "Load average (1, 5, 15 min) at the start: $LOAD_AT_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  printf '%s\n' "${REPORT[@]}"
  printf '%s\n' "" "### /feed/ reads while 16 publishers POST /api/articles (target: ≥ 0.8)" ""
  printf '%s\n' "| articles | reads alone req/s | beside publishers req/s | ratio | publishes/s | publish p99 |" "|---|---|---|---|---|---|"
  printf '%s\n' "${PUBLISH_ROWS[@]}"
  printf '%s\n' "" "### Start-up: process start to the first 200 on /feed/ (target < 5 s), peak RSS (VmHWM)" ""
  printf '%s\n' "| store | start-up | VmHWM at the first 200 |" "|---|---|---|"
  printf '%s\n' "${START_ALL[@]}"
  printf '%s\n' "" "### Cold render: the first GET that shows a new article, median of 20 publishes (target < 20 ms)" ""
  printf '%s\n' "| articles | category feed | /feed/ | /feed/ again (cached) | the publish | category feed shows it after |" "|---|---|---|---|---|---|"
  printf '%s\n' "${COLD_ROWS[@]}"
  printf '%s\n' "" "Rounds (req/s, Minbar / nginx):"
  for key in "${!RESULT[@]}"; do printf '  %s: %s\n' "$key" "${RESULT[$key]}"; done | sort -n
  if [ ${#WARNINGS[@]} -gt 0 ]; then
    printf '%s\n' "" "Warnings:"; printf '  %s\n' "${WARNINGS[@]}"
  fi
}
