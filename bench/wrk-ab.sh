#!/usr/bin/env bash
# Interleaved A/B of two running instances of the application on the same data (e.g. the commit
# before a change on port A, after it on port B), with wrk as the cheap load driver and the seeded
# query mix of LoadDriver.java. Other work on the machine then disturbs both sides alike.
#
#   A_PORT=18180 A_PID=123 B_PORT=18183 B_PID=456 ROUNDS=3 bench/wrk-ab.sh
#
# A_NAME and B_NAME (A, B) name the sides in the output and in the X-Bench-Phase header, so
# Tomcat's access log of each instance gives server-side latency per phase
# (java bench/LoadDriver.java accesslog FILE).
# Start the instances as bench/run.sh does (profiles postgres,bench-data,demo-users, Tomcat access
# log with pattern '%{X-Bench-Phase}i %s %D %r'); the second one on the same database does not
# generate data again. For each round, each phase (KIND:CONNECTIONS in $PHASES) runs on A, then on
# B: $WARMUP s warm-up, then $DURATION s measured. Every answer is checked (status 200 and a whole
# result). Before the load, LoadDriver's "compare" checks that both give the same answers.
# Output: one line per phase in $OUT/ab.txt; CPU ms per search is the instance's user+system CPU
# from /proc (plus the PostgreSQL backends of $DB, if any) divided by the searches answered.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROUNDS=${ROUNDS:-3}
PHASES=${PHASES:-page:1,page:8,json:1,json:8}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
DB=${DB:-brobygger_bench}
OUT=$(realpath -m "${OUT:-bench/out}")
mkdir -p "$OUT"
PATHS="$OUT/paths.txt"
"$JAVA_HOME/bin/java" bench/LoadDriver.java queries "$PATHS"
"$JAVA_HOME/bin/java" bench/LoadDriver.java compare "http://127.0.0.1:$A_PORT" "http://127.0.0.1:$B_PORT" \
    "${COMPARE:-500}" | tee -a "$OUT/ab.txt"

cpu() { # clock ticks of the instance and the database's backends
    local sum=0 p
    for p in "$1" $(pgrep -f "postgres: postgres $DB " || true); do
        [[ -r /proc/$p/stat ]] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    echo "$sum"
}

phase() { # phase NAME PORT PID KIND CONNECTIONS ROUND
    local name=$1 port=$2 pid=$3 kind=$4 c=$5 round=$6 threads=2 label out c0 c1
    ((c < 2)) && threads=1
    label="$name-$kind-c$c"
    timeout $((WARMUP + 30)) wrk -t$threads -c"$c" -d"${WARMUP}s" -s bench/wrk-mix.lua "http://127.0.0.1:$port" \
        -- "$PATHS" "warmup-$label" "$kind" $threads > /dev/null
    c0=$(cpu "$pid")
    out=$(timeout $((DURATION + 30)) wrk -t$threads -c"$c" -d"${DURATION}s" -s bench/wrk-mix.lua \
        "http://127.0.0.1:$port" -- "$PATHS" "$label" "$kind" $threads)
    c1=$(cpu "$pid")
    awk -v name="$name" -v kind="$kind" -v c="$c" -v round="$round" -v c0="$c0" -v c1="$c1" \
        -v la="$(cut -d' ' -f1 /proc/loadavg)" -v time="$(date -u +%H:%M:%S)" '
        /requests in/ {n = $1} /Requests\/sec/ {rps = $2} /^checked/ {bad = $4 + $7}
        /latency p50:/ {p50 = $3} /latency p99:/ {p99 = $3}
        END {printf "%s round=%d %s %s c=%d searches/s=%.0f p50_ms=%.2f p99_ms=%.2f cpu_ms=%.2f bad=%d load=%s\n",
            time, round, name, kind, c, rps, p50, p99, (c1 - c0) * 10 / n, bad, la}' <<< "$out" \
        | tee -a "$OUT/ab.txt"
}

for round in $(seq 1 "$ROUNDS"); do
    for p in ${PHASES//,/ }; do
        phase "${A_NAME:-A}" "$A_PORT" "$A_PID" "${p%%:*}" "${p##*:}" "$round"
        phase "${B_NAME:-B}" "$B_PORT" "$B_PID" "${p%%:*}" "${p##*:}" "$round"
    done
done
