#!/usr/bin/env bash
# Benchmarks. Subcommands (see bench/README.md):
#   bench/run.sh citizens ...   citizens at scale: lookup by CPR and overview page, audit included
#                               (bench/citizens/run.sh)
#   bench/run.sh audit ...      audit log append throughput and chain verification (bench/audit/run.sh)
#   bench/run.sh medcom ...     MedCom HospitalNotification intake throughput (bench/medcom/run.sh)
#   bench/run.sh homevisit ...  §79a due list and outreach evaluation at 1 M citizens, a new life event to an
#                               outreach item (bench/homevisit/run.sh)
#   bench/run.sh nodes ...      two nodes behind HAProxy on one database: change-to-searchable delay, throughput
#                               with one and two nodes, requests in flight when a node dies (bench/nodes/run.sh)
#   bench/run.sh                the directory search benchmark below
#
# Directory search benchmark: Lucene (the application's /tilbud page over HTTP) against
# PostgreSQL full-text search on the same 100,000 generated offers, in one run.
#
#   bench/run.sh                       # full run, about 12 minutes on 2 cores
#   OFFERS=20000 DURATION=10 bench/run.sh   # a quick try
#   SYSTEMS=lucene APP_ARGS='--spring.web.resources.chain.enabled=false' REUSE_DB=1 KEEP_DB=1 bench/run.sh
#                                      # an experiment: extra application arguments, keep the generated data
#   COMPARE_ARGS='--spring.web.resources.chain.enabled=false' SYSTEMS=lucene,lucene-b,pg-page,pg-facets bench/run.sh
#                                      # A/B in one run: a second instance on PORT+1 with these extra arguments,
#                                      # started on the same database once the first is ready ("lucene-b")
#
# What it does (everything on 127.0.0.1, bounded by timeouts):
#   1. builds the jar unless SKIP_BUILD=1 (./mvnw -DskipTests package),
#   2. creates a fresh database $DB (dropped again at the end unless KEEP_DB=1),
#   3. starts the jar with profiles postgres,bench-data,demo-users and --brobygger.demo.offers=$OFFERS,
#      Tomcat's access log on (pattern "%{X-Bench-Phase}i %s %D %r", %D = microseconds),
#   4. waits for /actuator/health/readiness, records start-up (log lines "Started BrobyggerApplication",
#      "Demo municipality created", "Search index built") and memory (VmRSS/VmHWM from /proc,
#      jvm.memory.used area:heap from the actuator as admin/demo over HTTP Basic, again after a GC),
#   5. gives PostgreSQL a fair full-text search as its own documentation sets it up: a stored tsvector
#      column bench_tsv (name weighted A, description D) with a GIN index, matched and ranked
#      (ts_rank) on that column rather than recomputing to_tsvector per row, and a (latitude,
#      longitude) index on location (the app's migrations do not),
#   6. runs bench/LoadDriver.java: the same seeded query mix against Lucene over HTTP and against
#      PostgreSQL over JDBC, at each concurrency in $CLIENTS, $WARMUP s warm-up + $DURATION s measured,
#   7. stops the application, summarises server-side latency from the access log, drops the database.
#
# Results go to $OUT (default bench/out, not committed); the dated record in docs/benchmarks/ is
# written by hand from them.
set -euo pipefail

cd "$(dirname "$0")/.."
case "${1:-}" in
    citizens) shift; exec bench/citizens/run.sh "$@" ;;
    audit) shift; exec bench/audit/run.sh "$@" ;;
    homevisit) shift; exec bench/homevisit/run.sh "$@" ;;
    medcom) shift; exec bench/medcom/run.sh "$@" ;;
    nodes) shift; exec bench/nodes/run.sh "$@" ;;
    referral) shift; exec bench/referral/run.sh "$@" ;;
    course) shift; exec bench/course/run.sh "$@" ;;
esac
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18080}
DB=${DB:-brobygger_bench}
OFFERS=${OFFERS:-100000}
CLIENTS=${CLIENTS:-8,32}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-30}
SYSTEMS=${SYSTEMS:-lucene,pg-page,pg-facets}
JAVA_OPTS=${JAVA_OPTS:-}
APP_ARGS=${APP_ARGS:-}
COMPARE_ARGS=${COMPARE_ARGS:-}
FIRST_WARMUP=${FIRST_WARMUP:-$WARMUP}
OUT=$(realpath -m "${OUT:-bench/out}")
BASE="http://127.0.0.1:$PORT"
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

mkdir -p "$OUT"
rm -f "$OUT"/access*.log "$OUT"/app*.log
APP_PID=
B_PID=

cleanup() {
    if [[ -n "$B_PID" ]] && kill -0 "$B_PID" 2>/dev/null; then
        kill "$B_PID"
        timeout 60 tail --pid="$B_PID" -f /dev/null || kill -9 "$B_PID"
    fi
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        timeout 60 tail --pid="$APP_PID" -f /dev/null || kill -9 "$APP_PID"
    fi
    if [[ "${KEEP_DB:-0}" != 1 ]]; then
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" || true
    fi
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/brobygger-*.jar | grep -v original | head -1)
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    free -h | sed 's/^/free: /'
    echo "jdk: $("$JAVA" -version 2>&1 | head -2 | tr '\n' ' ')"
    echo "postgresql: $("${PSQL[@]}" -c 'SHOW server_version')"
    echo "git: $(git rev-parse --short HEAD) $(git status --porcelain | wc -l) uncommitted files"
    echo "offers=$OFFERS clients=$CLIENTS warmup=${WARMUP}s duration=${DURATION}s java_opts='$JAVA_OPTS'" \
        "app_args='$APP_ARGS' reuse_db=${REUSE_DB:-0}"
} | tee "$OUT/machine.txt"

if [[ "${REUSE_DB:-0}" != 1 ]] || [[ -z "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

# start_app PORT NAME EXTRA-ARGS...: starts the jar in the background, sets STARTED_PID
start_app() {
    local port=$1 name=$2
    shift 2
    BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= \
        "$JAVA" $JAVA_OPTS -jar "$JAR" \
        --spring.profiles.active=postgres,bench-data,demo-users \
        --brobygger.demo.offers="$OFFERS" \
        --server.address=127.0.0.1 --server.port="$port" \
        --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$OUT" \
        --server.tomcat.accesslog.prefix="$name" --server.tomcat.accesslog.suffix=.log \
        --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.rotate=false \
        --server.tomcat.accesslog.pattern='%{X-Bench-Phase}i %s %D %r' "$@" \
        > "$OUT/app${name#access}.log" 2>&1 &
    STARTED_PID=$!
}

# wait_ready PID BASE: waits for readiness UP, sets READY to the time
wait_ready() {
    READY=
    for _ in $(seq 1 900); do
        if ! kill -0 "$1" 2>/dev/null; then
            echo "application $1 died, see $OUT/app*.log" >&2
            exit 1
        fi
        if curl -fs "$2/actuator/health/readiness" 2>/dev/null | grep -q UP; then
            READY=$(date +%s.%N)
            return
        fi
        sleep 1
    done
    echo "not ready after 900 s" >&2
    exit 1
}

START=$(date +%s.%N)
start_app "$PORT" access $APP_ARGS
APP_PID=$STARTED_PID
echo "application pid $APP_PID"
wait_ready "$APP_PID" "$BASE"

heap() {
    curl -fs -u admin:demo "${2:-$BASE}/actuator/metrics/jvm.memory.used?tag=area:heap" \
        | grep -o '"value":[0-9.E+]*' | head -1 | cut -d: -f2
}
memory() {
    local label=$1 pid=${2:-$APP_PID} base=${3:-$BASE}
    local rss hwm used
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    used=$(heap "$pid" "$base")
    printf '%s: rss=%d MiB peak_rss=%d MiB heap_used=%d MiB\n' "$label" $((rss / 1024)) $((hwm / 1024)) \
        "$(awk -v b="$used" 'BEGIN {printf "%d", b / 1048576}')"
}

{
    awk -v s="$START" -v r="$READY" 'BEGIN {printf "launch to readiness UP: %.1f s\n", r - s}'
    grep -o 'Started BrobyggerApplication in .*' "$OUT/app.log"
    grep -o 'Demo municipality created: .*' "$OUT/app.log" || true
    grep -o 'Search index built: .*' "$OUT/app.log"
    echo "offers in database: $("${PSQL[@]}" -d "$DB" -c 'SELECT count(*) FROM offer')"
    echo "max heap: $("$JAVA_HOME/bin/jcmd" "$APP_PID" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -1 || true)"
    memory "after start"
    "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.run > /dev/null
    sleep 2
    memory "after start, after GC.run"
} | tee "$OUT/startup.txt"

grep -q "Search index built: $OFFERS offers" "$OUT/app.log" || { echo "index does not hold $OFFERS offers" >&2; exit 1; }

BASE_B="http://127.0.0.1:$((PORT + 1))"
if [[ -n "$COMPARE_ARGS" ]]; then
    START_B=$(date +%s.%N)
    start_app $((PORT + 1)) access-b $APP_ARGS $COMPARE_ARGS
    B_PID=$STARTED_PID
    echo "instance B pid $B_PID ($COMPARE_ARGS)"
    wait_ready "$B_PID" "$BASE_B"
    {
        echo "instance B ($APP_ARGS $COMPARE_ARGS), same database, started after A was ready:"
        awk -v s="$START_B" -v r="$READY" 'BEGIN {printf "B launch to readiness UP: %.1f s\n", r - s}'
        grep -o 'Started BrobyggerApplication in .*' "$OUT/app-b.log" | sed 's/^/B /'
        grep -o 'Search index built: .*' "$OUT/app-b.log" | sed 's/^/B /'
        "$JAVA_HOME/bin/jcmd" "$B_PID" GC.run > /dev/null
        sleep 2
        memory "B after start, after GC.run" "$B_PID" "$BASE_B"
    } | tee -a "$OUT/startup.txt"
fi

echo "creating PostgreSQL indexes for the comparison ..."
T0=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" \
    -c "ALTER TABLE offer ADD COLUMN IF NOT EXISTS bench_tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('danish', name), 'A') || setweight(to_tsvector('danish', description), 'D')) STORED" \
    -c "CREATE INDEX IF NOT EXISTS offer_fts_bench_idx ON offer USING gin (bench_tsv)" \
    -c "CREATE INDEX IF NOT EXISTS location_geo_bench_idx ON location (latitude, longitude)" \
    -c "VACUUM ANALYZE"
awk -v s="$T0" -v e="$(date +%s.%N)" 'BEGIN {printf "PostgreSQL stored tsvector + GIN + geo index and ANALYZE: %.1f s\n", e - s}' \
    | tee -a "$OUT/startup.txt"
"${PSQL[@]}" -d "$DB" -c "SELECT pg_size_pretty(pg_relation_size('offer_fts_bench_idx'))" \
    | sed 's/^/GIN index size: /' | tee -a "$OUT/startup.txt"

timeout $((900 + 8 * (FIRST_WARMUP + WARMUP + DURATION) * 3)) "$JAVA" -cp "$PGJAR" bench/LoadDriver.java run \
    --base "$BASE" --jdbc "$JDBC" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" \
    --systems "$SYSTEMS" --out "$OUT" --app-pid "$APP_PID" --base-b "$BASE_B" --app-pid-b "${B_PID:--1}" \
    --first-warmup "$FIRST_WARMUP" | tee "$OUT/driver.txt"

memory "after load" | tee -a "$OUT/startup.txt"
# The search page cache (if the application has one): hits and misses over the whole run, pages and bytes kept.
metric() {
    curl -fs -u admin:demo "$BASE/actuator/metrics/$1" | grep -o '"value":[0-9.E+]*' | head -1 | cut -d: -f2 || true
}
echo "search page cache: hits=$(metric 'cache.gets?tag=cache:search-pages&tag=result:hit')" \
    "misses=$(metric 'cache.gets?tag=cache:search-pages&tag=result:miss')" \
    "pages=$(metric 'cache.size?tag=cache:search-pages')" \
    "bytes=$(metric brobygger.search.page-cache.bytes)" | tee -a "$OUT/startup.txt"
if [[ -n "$B_PID" ]]; then
    memory "B after load" "$B_PID" "$BASE_B" | tee -a "$OUT/startup.txt"
    kill "$B_PID"
    timeout 60 tail --pid="$B_PID" -f /dev/null || kill -9 "$B_PID"
    B_PID=
    "$JAVA" bench/LoadDriver.java accesslog "$OUT/access-b.log" | tee "$OUT/server-side-b.md"
fi

kill "$APP_PID"
timeout 60 tail --pid="$APP_PID" -f /dev/null || kill -9 "$APP_PID"
APP_PID=
"$JAVA" bench/LoadDriver.java accesslog "$OUT/access.log" | tee "$OUT/server-side.md"
echo "done: results in $OUT"
