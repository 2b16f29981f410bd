#!/usr/bin/env bash
# Citizens at scale with a lighter load driver: wrk (C) instead of the Java driver, so that less of the
# two cores goes to the client. Needs a database loaded by bench/run.sh citizens with KEEP_DB=1 (and its
# targets.tsv). Starts the jar on it, logs in as hjemmebesog, then for each endpoint and concurrency runs
# WARMUP seconds unmeasured and DURATION seconds measured, and summarises server-side time per phase from
# Tomcat's access log.
#
#   KEEP_DB=1 DB=bb_cit1m bench/run.sh citizens            # once: load 1,000,000 citizens
#   DB=bb_cit1m TARGETS=bench/out/targets.tsv bench/citizens/wrk.sh
#
# Settings: DB, TARGETS, CLIENTS (1,4), ENDPOINTS ("cpr overview"), WARMUP (10), DURATION (20), PORT (18090),
# JAR (target/brobygger-*.jar), JAVA_OPTS (e.g. -XX:StartFlightRecording=... to profile), POOL (8), OUT (bench/out). Output: citizens-wrk.txt, citizens-wrk-server-side.md, app-citizens-wrk.log.
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
DB=${DB:-brobygger_bench_citizens}
PORT=${PORT:-18090}
CLIENTS=${CLIENTS:-1,4}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
POOL=${POOL:-8}
OUT=$(realpath -m "${OUT:-bench/out}")
TARGETS=${TARGETS:-$OUT/targets.tsv}
JAR=${JAR:-$(ls target/brobygger-*.jar | grep -v original | head -1)}
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
rm -f "$OUT"/access-citizens-wrk.log "$OUT/cookies-wrk.txt"

BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= BROBYGGER_DB_POOL_SIZE=$POOL \
    "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres,demo-users --server.address=127.0.0.1 --server.port="$PORT" \
    --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$OUT" \
    --server.tomcat.accesslog.prefix=access-citizens-wrk --server.tomcat.accesslog.suffix=.log \
    --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.rotate=false \
    --server.tomcat.accesslog.pattern='%{X-Bench-Phase}i %s %D %r' > "$OUT/app-citizens-wrk.log" 2>&1 &
APP=$!
trap '[[ -z "$APP" ]] || { kill $APP 2>/dev/null; timeout 60 tail --pid=$APP -f /dev/null || kill -9 $APP 2>/dev/null; } || true' EXIT
for _ in $(seq 1 300); do
    curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q UP && break
    kill -0 $APP 2>/dev/null || { echo "application died, see $OUT/app-citizens-wrk.log" >&2; exit 1; }
    sleep 1
done

# A logged-in session, as a browser has it.
csrf=$(curl -fs -c "$OUT/cookies-wrk.txt" -b "$OUT/cookies-wrk.txt" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$OUT/cookies-wrk.txt" -b "$OUT/cookies-wrk.txt" --data-urlencode "username=hjemmebesog" \
    --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf" "$BASE/login"
COOKIE=$(awk '$6 == "SESSION" {print "SESSION=" $7}' "$OUT/cookies-wrk.txt")
[[ -n "$COOKIE" ]] || { echo "login failed" >&2; exit 1; }

cut -f2 "$TARGETS" | sed 's|^|/api/citizens?cpr=|' > "$OUT/paths-cpr.txt"
cut -f1 "$TARGETS" | sed 's|^|/borgere/|' > "$OUT/paths-overview.txt"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ) nproc: $(nproc) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "git: $(git rev-parse --short HEAD); db=$DB clients=$CLIENTS warmup=${WARMUP}s duration=${DURATION}s pool=$POOL"
    for endpoint in ${ENDPOINTS:-cpr overview}; do
        for c in ${CLIENTS//,/ }; do
            wrk -t1 -c"$c" -d"${WARMUP}s" -s bench/citizens/wrk-citizens.lua "$BASE" -- "$OUT/paths-$endpoint.txt" \
                "warmup-$endpoint-$c" "$COOKIE" > /dev/null
            echo "## $endpoint, $c client(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
            wrk -t1 -c"$c" -d"${DURATION}s" --latency -s bench/citizens/wrk-citizens.lua "$BASE" -- \
                "$OUT/paths-$endpoint.txt" "$endpoint-$c" "$COOKIE"
        done
    done
    echo "GET /api/audit/verify: $(curl -fs -u admin:demo "$BASE/api/audit/verify")"
} | tee "$OUT/citizens-wrk.txt"
kill $APP; timeout 60 tail --pid=$APP -f /dev/null || true
APP=
"$JAVA" bench/LoadDriver.java accesslog "$OUT/access-citizens-wrk.log" | tee "$OUT/citizens-wrk-server-side.md"
