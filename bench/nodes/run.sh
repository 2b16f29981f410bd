#!/usr/bin/env bash
# Several nodes behind a real load balancer (bench/run.sh nodes): two Brobygger nodes on one PostgreSQL database
# behind HAProxy from Debian's packages, everything on 127.0.0.1. Measures
#   1. change-to-searchable delay across nodes: a change committed to the database as DirectoryChanges commits it
#      (the offer and its directory_change row in one transaction), then each node's search asked every 5 ms until
#      it finds the new word; p50/p90/p99/max per node over $CHANGES changes;
#   2. throughput of the search (GET /tilbud/soeg) and the citizen overview (GET /borgere/{id}, logged in, need-to-
#      know and audit included), half each, $CLIENTS closed-loop clients, through the balancer with one node
#      (frontend "one") and with two nodes, on the same cores: an overhead and correctness figure, not scaling;
#   3. requests in flight when a node dies: the same load through the balancer for $KILL_DURATION s, node B killed
#      after $KILL_AT s, answers per second (200 / other / failed); once with kill -9, once with SIGTERM
#      (graceful shutdown), B started again in between.
#
#   apt-get install -y haproxy      # once (not needed by CI)
#   bench/run.sh nodes              # about 8 minutes on 2 cores
#   SKIP_BUILD=1 CHANGES=50 DURATION=10 bench/run.sh nodes   # a quick try
#
# Results in $OUT: machine.txt, nodes-delay.md, nodes-load.md, nodes-kill9.md, nodes-term.md, app-nodes-*.log.
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
LB_PORT=${LB_PORT:-18180}
ONE_PORT=${ONE_PORT:-18190}
A_PORT=${A_PORT:-18181}
B_PORT=${B_PORT:-18182}
DB=${DB:-brobygger_bench_nodes}
OFFERS=${OFFERS:-2000}
CITIZENS=${CITIZENS:-20000}
CHANGES=${CHANGES:-200}
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-20}
KILL_DURATION=${KILL_DURATION:-20}
KILL_AT=${KILL_AT:-8}
POOL=${POOL:-8}
OUT=$(realpath -m "${OUT:-bench/out}")
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

command -v haproxy >/dev/null || { echo "haproxy is needed: apt-get install -y haproxy" >&2; exit 1; }
mkdir -p "$OUT"
A_PID=
B_PID=
LB_PID=
stop() {
    if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then
        kill "$1"
        timeout 60 tail --pid="$1" -f /dev/null || kill -9 "$1"
    fi
}
cleanup() {
    stop "$LB_PID"
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
    echo "haproxy: $(haproxy -v | head -1)"
    echo "git: $(git rev-parse --short HEAD) $(git status --porcelain | wc -l) uncommitted files"
    echo "offers=$OFFERS citizens=$CITIZENS changes=$CHANGES clients=$CLIENTS warmup=${WARMUP}s duration=${DURATION}s pool=$POOL" \
        "kill_at=${KILL_AT}s kill_duration=${KILL_DURATION}s"
} | tee "$OUT/machine.txt"

"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

# start NAME PORT: sets STARTED_PID once the node is ready (its index caught up)
start() {
    local name=$1 port=$2
    BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= \
        BROBYGGER_DB_POOL_SIZE=$POOL BROBYGGER_TRUSTED_PROXIES=127.0.0.1 \
        "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres,demo-users,bench-data \
        --brobygger.demo.offers="$OFFERS" --server.address=127.0.0.1 --server.port="$port" \
        --brobygger.login.attempts-per-minute=10000 --brobygger.login.attempts-per-minute-per-address=10000 \
        > "$OUT/app-nodes-$name.log" 2>&1 &
    STARTED_PID=$!
    for _ in $(seq 1 600); do
        if ! kill -0 "$STARTED_PID" 2>/dev/null; then
            echo "node $name died, see $OUT/app-nodes-$name.log" >&2
            exit 1
        fi
        if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; then
            return
        fi
        sleep 1
    done
    echo "node $name not ready after 600 s" >&2
    exit 1
}

start A "$A_PORT"
A_PID=$STARTED_PID
# Citizens for the overview page: generated as bench/citizens does, every 100th related to hjemmebesog.
timeout 1800 "$JAVA" -cp "target/classes:$PGJAR" bench/citizens/CitizenBenchmark.java load \
    --jdbc "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" --citizens "$CITIZENS" --members 5 \
    --related-every 100 --targets "$OUT/targets.tsv" > "$OUT/nodes-citizens-load.txt"
start B "$B_PORT"
B_PID=$STARTED_PID

sed -e "s/@LB_PORT@/$LB_PORT/; s/@ONE_PORT@/$ONE_PORT/; s/@A_PORT@/$A_PORT/g; s/@B_PORT@/$B_PORT/" \
    bench/nodes/haproxy.cfg > "$OUT/haproxy.cfg"
haproxy -db -f "$OUT/haproxy.cfg" > "$OUT/haproxy.log" 2>&1 &
LB_PID=$!
sleep 3

DRIVER=("$JAVA" -cp "$PGJAR" bench/nodes/NodesBenchmark.java)
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"

echo "## change-to-searchable delay (NOTIFY with the change, as DirectoryChanges sends it)" | tee "$OUT/nodes-delay.md"
timeout 1800 "${DRIVER[@]}" delay --jdbc "$JDBC" --changes "$CHANGES" --notify true \
    --nodes "http://127.0.0.1:$A_PORT,http://127.0.0.1:$B_PORT" | tee -a "$OUT/nodes-delay.md"
echo "## change-to-searchable delay without NOTIFY (a lost notification: the poll alone)" | tee -a "$OUT/nodes-delay.md"
timeout 1800 "${DRIVER[@]}" delay --jdbc "$JDBC" --changes "$CHANGES" --notify false \
    --nodes "http://127.0.0.1:$A_PORT,http://127.0.0.1:$B_PORT" | tee -a "$OUT/nodes-delay.md"

echo "## throughput through the balancer" | tee "$OUT/nodes-load.md"
for round in 1 2; do
    timeout 600 "${DRIVER[@]}" load --jdbc "$JDBC" --base "http://127.0.0.1:$ONE_PORT" --clients "$CLIENTS" \
        --warmup "$WARMUP" --duration "$DURATION" --label "one node, round $round" | tee -a "$OUT/nodes-load.md"
    timeout 600 "${DRIVER[@]}" load --jdbc "$JDBC" --base "http://127.0.0.1:$LB_PORT" --clients "$CLIENTS" \
        --warmup "$WARMUP" --duration "$DURATION" --label "two nodes, round $round" | tee -a "$OUT/nodes-load.md"
done

# kill SIGNAL FILE: load through the balancer, node B killed with SIGNAL after KILL_AT seconds
inflight() {
    local signal=$1 file=$2
    echo "## node B killed with SIG$signal after ${KILL_AT} s" | tee "$file"
    timeout 600 "${DRIVER[@]}" inflight --jdbc "$JDBC" --base "http://127.0.0.1:$LB_PORT" --clients "$CLIENTS" \
        --duration "$KILL_DURATION" > "$file.tmp" &
    local driver=$!
    until grep -q START "$file.tmp" 2>/dev/null; do sleep 0.2; done
    sleep "$KILL_AT"
    kill -"$signal" "$B_PID"
    echo "killed B at $(date -u +%H:%M:%S.%N)" >> "$file"
    wait "$driver"
    grep -v START "$file.tmp" >> "$file"
    rm -f "$file.tmp"
    cat "$file"
    timeout 60 tail --pid="$B_PID" -f /dev/null || true
}
inflight KILL "$OUT/nodes-kill9.md"
start B "$B_PORT"
B_PID=$STARTED_PID
sleep 3
inflight TERM "$OUT/nodes-term.md"
B_PID=
echo "done: results in $OUT"
