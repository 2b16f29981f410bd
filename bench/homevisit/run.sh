#!/usr/bin/env bash
# §79a and outreach at scale (bench/run.sh homevisit; issue 4): 1,000,000 citizens (about 250,000 aged 65+)
# and 2,000,000 life events on PostgreSQL. Measures (a) the full evaluation: every outreach rule over every
# citizen and event (POST /api/outreach/evaluation, on an empty list and again) and the §79a due list for
# the coming year (GET /api/homevisits/due), target <= 30 s; (b) one new life event to an outreach item
# (POST /api/citizens/{id}/life-events, then GET the item), target <= 100 ms; (c) a MedCom discharge to an
# outreach item. See bench/homevisit/HomeVisitBenchmark.java's Javadoc for the data and the protocol.
#
#   bench/run.sh homevisit                                   # full run: load about 3.5 min, measure about 2.5 min
#   SKIP_BUILD=1 CITIZENS=100000 EVENTS=200000 bench/run.sh homevisit   # a quick try (about 2 min)
#   KEEP_DB=1 / REUSE_DB=1                                   # keep the loaded database / measure it again
#
# Everything on 127.0.0.1, bounded by timeouts. Results in $OUT: machine.txt, homevisit-load.txt,
# homevisit.md (the figures), app-homevisit.log.
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18480}
DB=${DB:-brobygger_bench_homevisit}
CITIZENS=${CITIZENS:-1000000}
EVENTS=${EVENTS:-2000000}
RELATED_EVERY=${RELATED_EVERY:-40}
RUNS=${RUNS:-3}
MEASURED=${MEASURED:-300}
WARMUP_EVENTS=${WARMUP_EVENTS:-30}
HOSPITAL=${HOSPITAL:-200}
READS=${READS:-20}
PAGE_READS=${PAGE_READS:-200}
PAGE_WARMUP=${PAGE_WARMUP:-20}
JAVA_OPTS=${JAVA_OPTS:-}
APP_ARGS=${APP_ARGS:-}
OUT=$(realpath -m "${OUT:-bench/out/homevisit}")
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

mkdir -p "$OUT"
APP_PID=
cleanup() {
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
    ./mvnw -q -B -ntp -DskipTests ${MVN_ARGS:-} package
fi
JAR=$(ls target/brobygger-*.jar | grep -v original | head -1)
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
if curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1; then
    echo "port $PORT is taken by another process; set PORT" >&2
    exit 1
fi

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "jdk: $("$JAVA" -version 2>&1 | head -1)"
    echo "postgresql: $("${PSQL[@]}" -c 'SHOW server_version')"
    echo "git: $(git rev-parse --short HEAD) $(git status --porcelain | wc -l) uncommitted files"
    echo "citizens=$CITIZENS events=$EVENTS related_every=$RELATED_EVERY runs=$RUNS measured=$MEASURED" \
        "warmup_events=$WARMUP_EVENTS hospital=$HOSPITAL reads=$READS page_reads=$PAGE_READS java_opts='$JAVA_OPTS' app_args='$APP_ARGS'"
} | tee "$OUT/machine.txt"

FRESH=1
if [[ "${REUSE_DB:-0}" == 1 ]] && [[ -n "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
    FRESH=0
else
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= \
    "$JAVA" $JAVA_OPTS -jar "$JAR" --spring.profiles.active=postgres,demo-users \
    --server.address=127.0.0.1 --server.port="$PORT" $APP_ARGS > "$OUT/app-homevisit.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "application died, see $OUT/app-homevisit.log" >&2
        exit 1
    fi
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP && break
    sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q UP || { echo "not ready after 600 s" >&2; exit 1; }

JDBC="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
if [[ "$FRESH" == 1 ]]; then
    T0=$(date +%s)
    timeout 3600 "$JAVA" -cp "target/classes:$PGJAR" bench/homevisit/HomeVisitBenchmark.java load \
        --jdbc "$JDBC" --citizens "$CITIZENS" --events "$EVENTS" --related-every "$RELATED_EVERY" \
        | tee "$OUT/homevisit-load.txt"
    echo "load took $(( $(date +%s) - T0 )) s in all (load average now $(cut -d' ' -f1-3 /proc/loadavg))" \
        | tee -a "$OUT/homevisit-load.txt"
fi

timeout 7200 "$JAVA" -cp "target/classes:$PGJAR" bench/homevisit/HomeVisitBenchmark.java run \
    --base "http://127.0.0.1:$PORT" --jdbc "$JDBC" --app-pid "$APP_PID" --runs "$RUNS" --events "$MEASURED" \
    --warmup-events "$WARMUP_EVENTS" --hospital "$HOSPITAL" --reads "$READS" \
    --page-reads "$PAGE_READS" --page-warmup "$PAGE_WARMUP" --out "$OUT"
grep -E "Outreach evaluation: " "$OUT/app-homevisit.log" | sed 's/^.*Outreach/app log: Outreach/' | tee -a "$OUT/homevisit.md"
echo "done: results in $OUT"
