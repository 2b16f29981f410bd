#!/usr/bin/env bash
# Citizens at scale (bench/run.sh citizens): 1,000,000 citizens with 5 network members each on
# PostgreSQL; citizen lookup by CPR and the overview page over HTTP as a related staff user, with the
# need-to-know check and the audit writes; instance A with the striped audit log (32 chains), instance B
# on the same database with one chain (--brobygger.audit.stripes=1, the old design's single lock).
#
#   bench/run.sh citizens                                  # full run
#   CITIZENS=100000 WARMUP=5 DURATION=10 bench/run.sh citizens   # a quick try
#   KEEP_DB=1 / REUSE_DB=1                                 # keep the loaded database / reuse it
#   B_JAR=/path/to/other.jar B_ARGS= SYSTEMS=A,B           # A/B: this build against another, in one run
#
# Every client logs in as the demo user hjemmebesog (form login, a session cookie), so the login rate
# limiter is raised for the benchmark's instances (it would otherwise refuse the 11th login a minute).
# Everything on 127.0.0.1, bounded by timeouts. Results in $OUT: machine.txt, citizens-load.txt,
# citizens-client-side.md, citizens-server-side.md (Tomcat access log), citizens-verify.txt, app-citizens*.log.
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18080}
DB=${DB:-brobygger_bench_citizens}
CITIZENS=${CITIZENS:-1000000}
MEMBERS=${MEMBERS:-5}
RELATED_EVERY=${RELATED_EVERY:-100}
CLIENTS=${CLIENTS:-8,32}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
SYSTEMS=${SYSTEMS:-A,B}
JAVA_OPTS=${JAVA_OPTS:-}
POOL=${POOL:-8}
OUT=$(realpath -m "${OUT:-bench/out}")
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

mkdir -p "$OUT"
rm -f "$OUT"/access-citizens-*.log
A_PID=
B_PID=
stop() {
    if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then
        kill "$1"
        timeout 60 tail --pid="$1" -f /dev/null || kill -9 "$1"
    fi
}
cleanup() {
    stop "$B_PID"
    stop "$A_PID"
    if [[ "${KEEP_DB:-0}" != 1 ]]; then
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" || true
    fi
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -q -B -DskipTests ${MVN_ARGS:-} package
fi
JAR=$(ls target/brobygger-*.jar | grep -v original | head -1)
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "jdk: $("$JAVA" -version 2>&1 | head -1)"
    echo "postgresql: $("${PSQL[@]}" -c 'SHOW server_version')"
    echo "git: $(git rev-parse --short HEAD) $(git status --porcelain | wc -l) uncommitted files"
    echo "citizens=$CITIZENS members=$MEMBERS related_every=$RELATED_EVERY clients=$CLIENTS warmup=${WARMUP}s" \
        "duration=${DURATION}s systems=$SYSTEMS pool=$POOL java_opts='$JAVA_OPTS'"
} | tee "$OUT/machine.txt"

FRESH=1
if [[ "${REUSE_DB:-0}" == 1 ]] && [[ -n "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
    FRESH=0
else
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

# start NAME PORT EXTRA-ARGS...: sets STARTED_PID
start() {
    local name=$1 port=$2
    shift 2
    BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= BROBYGGER_DB_POOL_SIZE=$POOL \
        "$JAVA" $JAVA_OPTS -jar "${STARTED_JAR:-$JAR}" --spring.profiles.active=postgres,demo-users \
        --server.address=127.0.0.1 --server.port="$port" \
        --brobygger.login.attempts-per-minute=10000 --brobygger.login.attempts-per-minute-per-address=10000 \
        --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$OUT" \
        --server.tomcat.accesslog.prefix="access-citizens-$name" --server.tomcat.accesslog.suffix=.log \
        --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.rotate=false \
        --server.tomcat.accesslog.pattern='%{X-Bench-Phase}i %s %D %r' \
        "$@" > "$OUT/app-citizens-$name.log" 2>&1 &
    STARTED_PID=$!
    for _ in $(seq 1 600); do
        if ! kill -0 "$STARTED_PID" 2>/dev/null; then
            echo "application $name died, see $OUT/app-citizens-$name.log" >&2
            exit 1
        fi
        if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; then
            return
        fi
        sleep 1
    done
    echo "application $name not ready after 600 s" >&2
    exit 1
}

start A "$PORT"
A_PID=$STARTED_PID
if [[ "$FRESH" == 1 ]]; then
    timeout 3600 "$JAVA" -cp "target/classes:$PGJAR" bench/citizens/CitizenBenchmark.java load \
        --jdbc "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" --citizens "$CITIZENS" --members "$MEMBERS" \
        --related-every "$RELATED_EVERY" --targets "$OUT/targets.tsv" | tee "$OUT/citizens-load.txt"
fi
"${PSQL[@]}" -d "$DB" -c "SELECT 'citizens: ' || count(*) FROM citizen" -c "SELECT 'network members: ' || count(*) FROM network_member" \
    -c "SELECT 'relations: ' || count(*) FROM citizen_relation" \
    -c "SELECT 'database size: ' || pg_size_pretty(pg_database_size('$DB'))" | tee -a "$OUT/citizens-load.txt"

SYSTEM_URLS="A=http://127.0.0.1:$PORT"
if [[ "$SYSTEMS" == *B* ]]; then
    # B: by default the same jar with one audit chain; B_JAR (another build, e.g. an earlier commit's) and
    # B_ARGS make it an A/B comparison of two versions measured in one run.
    STARTED_JAR=${B_JAR:-$JAR} start B $((PORT + 1)) ${B_ARGS---brobygger.audit.stripes=1}
    B_PID=$STARTED_PID
    SYSTEM_URLS="$SYSTEM_URLS,B=http://127.0.0.1:$((PORT + 1))"
fi
AUDIT_BEFORE=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM audit_record")

timeout $((600 + 8 * (WARMUP + DURATION + 30) * 4)) "$JAVA" -cp "target/classes:$PGJAR" bench/citizens/CitizenBenchmark.java run \
    --targets "$OUT/targets.tsv" --systems "$SYSTEM_URLS" --clients "$CLIENTS" --warmup "$WARMUP" \
    --duration "$DURATION" --out "$OUT" | tee "$OUT/citizens-driver.txt"

{
    echo "audit records written during the run: $(( $("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM audit_record") - AUDIT_BEFORE ))"
    "${PSQL[@]}" -d "$DB" -c "SELECT 'audit records per chain (top 5): ' || string_agg(stripe || '=' || n, ' ') FROM (SELECT stripe, count(*) n FROM audit_record GROUP BY stripe ORDER BY n DESC LIMIT 5) s"
    T0=$(date +%s.%N)
    echo "GET /api/audit/verify: $(curl -fs -u admin:demo "http://127.0.0.1:$PORT/api/audit/verify")"
    awk -v s="$T0" -v e="$(date +%s.%N)" 'BEGIN {printf "verify took %.1f s\n", e - s}'
} | tee "$OUT/citizens-verify.txt"
stop "$B_PID"
stop "$A_PID"
A_PID=
B_PID=
# Server-side time per request (Tomcat's %D, from request received to response written), per phase.
for log in "$OUT"/access-citizens-*.log; do
    echo "## $(basename "$log" .log)"
    "$JAVA" bench/LoadDriver.java accesslog "$log"
done | tee "$OUT/citizens-server-side.md"
echo "done: results in $OUT"
