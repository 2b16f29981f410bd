#!/usr/bin/env bash
# Closed-loop referrals at scale (bench/run.sh referral; issue 15): 1,000,000 citizens, 500,000 referrals in every
# state with their history and consents, 100,000 offers (the application's bench-data), on PostgreSQL. Measures an
# association's inbox page (target p99 <= 30 ms) and the funnel of a whole municipality's year (target <= 1 s),
# per round and as the median of the rounds. See bench/referral/ReferralBenchmark.java for the data and protocol.
#
#   bench/run.sh referral                                         # full run
#   SKIP_BUILD=1 CITIZENS=100000 REFERRALS=50000 OFFERS=10000 bench/run.sh referral   # a quick try
#   KEEP_DB=1 / REUSE_DB=1                                        # keep the loaded database / measure it again
#
# Everything on 127.0.0.1, bounded by timeouts. Results in $OUT: machine.txt, referral-load.txt, referral.md,
# app-referral.log.
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18580}
DB=${DB:-brobygger_bench_referral}
CITIZENS=${CITIZENS:-1000000}
REFERRALS=${REFERRALS:-500000}
OFFERS=${OFFERS:-100000}
ROUNDS=${ROUNDS:-3}
READS=${READS:-200}
WARMUP=${WARMUP:-20}
# The JVM as production runs it (README, "Configuration for production": a fixed heap). JAVA_OPTS= (empty)
# runs the JVM's defaults.
JAVA_OPTS=${JAVA_OPTS--Xms2g -Xmx2g}
OUT=$(realpath -m "${OUT:-bench/out/referral}")
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
    echo "citizens=$CITIZENS referrals=$REFERRALS offers=$OFFERS rounds=$ROUNDS reads=$READS warmup=$WARMUP java_opts='$JAVA_OPTS'"
} | tee "$OUT/machine.txt"

FRESH=1
if [[ "${REUSE_DB:-0}" == 1 ]] && [[ -n "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
    FRESH=0
else
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

start_app() {
    BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= \
        "$JAVA" $JAVA_OPTS -jar "$JAR" --spring.profiles.active=postgres,bench-data,demo-users \
        --brobygger.demo.offers="$OFFERS" --server.address=127.0.0.1 --server.port="$PORT" \
        >> "$OUT/app-referral.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 900); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "application died, see $OUT/app-referral.log" >&2
            exit 1
        fi
        curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP && return 0
        sleep 1
    done
    echo "not ready after 900 s" >&2
    exit 1
}
: > "$OUT/app-referral.log"
start_app

JDBC="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
if [[ "$FRESH" == 1 ]]; then
    T0=$(date +%s)
    timeout 3600 "$JAVA" -cp "target/classes:$PGJAR" bench/referral/ReferralBenchmark.java load \
        --jdbc "$JDBC" --citizens "$CITIZENS" --referrals "$REFERRALS" | tee "$OUT/referral-load.txt"
    echo "load took $(( $(date +%s) - T0 )) s in all (load average now $(cut -d' ' -f1-3 /proc/loadavg))" \
        | tee -a "$OUT/referral-load.txt"
fi

timeout 3600 "$JAVA" -cp "target/classes:$PGJAR" bench/referral/ReferralBenchmark.java run \
    --base "http://127.0.0.1:$PORT" --jdbc "$JDBC" --rounds "$ROUNDS" --reads "$READS" --warmup "$WARMUP" --out "$OUT"
echo "done: results in $OUT"
