#!/usr/bin/env bash
# Citizens at scale, A/B and repeated: two builds (or two settings) of the application on the same loaded
# database, measured in turns with wrk, so that whatever else the machine does disturbs both alike, and
# often enough that a median means something on a noisy host.
#
#   KEEP_DB=1 DB=bb_cit1m bench/run.sh citizens                          # once: load 1,000,000 citizens
#   DB=bb_cit1m TARGETS=bench/out/targets.tsv A_JAR=/tmp/before.jar B_JAR=target/brobygger-0.1.0-SNAPSHOT.jar \
#       ROUNDS=5 bench/citizens/wrk-ab.sh
#
# Both instances start at once (A on PORT, B on PORT+1; the idle one waits). Each logs in as hjemmebesog
# (one session, as a browser has it). Then, ROUNDS times: for each endpoint (cpr: GET /api/citizens?cpr=…,
# overview: GET /borgere/{id}) and each concurrency in CLIENTS, A then B: WARMUP s unmeasured, DURATION s
# measured. Server-side time per request comes from each instance's Tomcat access log (%D), per phase
# "<side>-<endpoint>-<clients>-r<round>"; the summary gives every round's p50/p99 and their medians.
#
# Settings: DB, TARGETS, A_JAR, B_JAR (default: the built jar), A_ARGS / B_ARGS (extra application
# arguments), A_OPTS / B_OPTS (JVM options, default JAVA_OPTS), CLIENTS (1), ENDPOINTS ("cpr overview"),
# ROUNDS (5), WARMUP (10), DURATION (20), PORT (18090), POOL (8), OUT (bench/out).
# Output in OUT: citizens-ab.txt (wrk and the summary), access-citizens-ab-{A,B}.log, app-citizens-ab-{A,B}.log.
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
DB=${DB:-brobygger_bench_citizens}
PORT=${PORT:-18090}
CLIENTS=${CLIENTS:-1}
ENDPOINTS=${ENDPOINTS:-cpr overview}
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
POOL=${POOL:-8}
OUT=$(realpath -m "${OUT:-bench/out}")
TARGETS=${TARGETS:-$OUT/targets.tsv}
BUILT=$(ls target/brobygger-*.jar | grep -v original | head -1)
A_JAR=${A_JAR:-$BUILT}
B_JAR=${B_JAR:-$BUILT}
mkdir -p "$OUT"
rm -f "$OUT"/access-citizens-ab-*.log "$OUT"/cookies-ab-*.txt

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do timeout 60 tail --pid="$p" -f /dev/null || kill -9 "$p" 2>/dev/null || true; done' EXIT

# start SIDE PORT JAR JVM-OPTS EXTRA-ARGS
start() {
    local side=$1 port=$2 jar=$3 opts=$4 args=$5
    BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= \
    BROBYGGER_DB_POOL_SIZE=$POOL \
        "$JAVA" $opts -jar "$jar" --spring.profiles.active=postgres,demo-users --server.address=127.0.0.1 \
        --server.port="$port" --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$OUT" \
        --server.tomcat.accesslog.prefix="access-citizens-ab-$side" --server.tomcat.accesslog.suffix=.log \
        --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.rotate=false \
        --server.tomcat.accesslog.pattern='%{X-Bench-Phase}i %s %D %r' $args > "$OUT/app-citizens-ab-$side.log" 2>&1 &
    PIDS+=($!)
}

ready() {
    local side=$1 port=$2 pid=$3
    for _ in $(seq 1 300); do
        curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP && return
        kill -0 "$pid" 2>/dev/null || { echo "instance $side died, see $OUT/app-citizens-ab-$side.log" >&2; exit 1; }
        sleep 1
    done
    echo "instance $side not ready after 300 s" >&2
    exit 1
}

# login SIDE PORT: prints the session cookie
login() {
    local side=$1 base="http://127.0.0.1:$2" jar="$OUT/cookies-ab-$1.txt" csrf
    csrf=$(curl -fs -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
        | sed 's/.*value="//;s/"$//')
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=hjemmebesog" \
        --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf" "$base/login"
    awk '$6 == "SESSION" {print "SESSION=" $7}' "$jar"
}

start A "$PORT" "$A_JAR" "${A_OPTS:-${JAVA_OPTS:-}}" "${A_ARGS:-}"
start B $((PORT + 1)) "$B_JAR" "${B_OPTS:-${JAVA_OPTS:-}}" "${B_ARGS:-}"
ready A "$PORT" "${PIDS[0]}"
ready B $((PORT + 1)) "${PIDS[1]}"
declare -A COOKIE=([A]=$(login A "$PORT") [B]=$(login B $((PORT + 1))))
declare -A BASE=([A]="http://127.0.0.1:$PORT" [B]="http://127.0.0.1:$((PORT + 1))")
[[ -n "${COOKIE[A]}" && -n "${COOKIE[B]}" ]] || { echo "login failed" >&2; exit 1; }

cut -f2 "$TARGETS" | sed 's|^|/api/citizens?cpr=|' > "$OUT/paths-cpr.txt"
cut -f1 "$TARGETS" | sed 's|^|/borgere/|' > "$OUT/paths-overview.txt"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ) nproc: $(nproc) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "git: $(git rev-parse --short HEAD); db=$DB rounds=$ROUNDS clients=$CLIENTS warmup=${WARMUP}s duration=${DURATION}s pool=$POOL"
    echo "A: $A_JAR opts='${A_OPTS:-${JAVA_OPTS:-}}' args='${A_ARGS:-}'"
    echo "B: $B_JAR opts='${B_OPTS:-${JAVA_OPTS:-}}' args='${B_ARGS:-}'"
    for round in $(seq 1 "$ROUNDS"); do
        for endpoint in $ENDPOINTS; do
            for c in ${CLIENTS//,/ }; do
                for side in A B; do
                    wrk -t1 -c"$c" -d"${WARMUP}s" -s bench/citizens/wrk-citizens.lua "${BASE[$side]}" -- \
                        "$OUT/paths-$endpoint.txt" "warmup" "${COOKIE[$side]}" > /dev/null
                    echo "## round $round, $side, $endpoint, $c client(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
                    wrk -t1 -c"$c" -d"${DURATION}s" --latency -s bench/citizens/wrk-citizens.lua "${BASE[$side]}" -- \
                        "$OUT/paths-$endpoint.txt" "$side-$endpoint-$c-r$round" "${COOKIE[$side]}" \
                        | grep -E "Requests/sec|answers other| 50%| 99%"
                done
            done
        done
    done
    echo "GET /api/audit/verify: $(curl -fs -u admin:demo "${BASE[A]}/api/audit/verify")"
} | tee "$OUT/citizens-ab.txt"

for side in A B; do
    echo "## $side"
    "$JAVA" bench/LoadDriver.java accesslog "$OUT/access-citizens-ab-$side.log" | grep -v warmup
done | tee -a "$OUT/citizens-ab.txt" > "$OUT/citizens-ab-rounds.md"

# Medians over the rounds of each side's p50 and p99, per endpoint and concurrency.
{
    echo
    echo "| side | endpoint | clients | rounds | median p50 ms | median p99 ms | best p99 | worst p99 |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    grep -E '^\| [AB]-' "$OUT/citizens-ab-rounds.md" | awk -F'|' '{
            split($2, k, "-"); gsub(/ /, "", k[1]); key = k[1] " " k[2] " " k[3];
            n[key]++; p50[key, n[key]] = $4 + 0; p99[key, n[key]] = $6 + 0
        }
        function median(a, key, m,   i, j, t, v) {
            for (i = 1; i <= m; i++) v[i] = a[key, i]
            for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
            lo = v[1]; hi = v[m]
            return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
        }
        END {
            for (key in n) {
                split(key, f, " "); m50 = median(p50, key, n[key]); m99 = median(p99, key, n[key])
                printf "| %s | %s | %s | %d | %.2f | %.2f | %.2f | %.2f |\n", f[1], f[2], f[3], n[key], m50, m99, lo, hi
            }
        }' | sort
} | tee -a "$OUT/citizens-ab.txt"
