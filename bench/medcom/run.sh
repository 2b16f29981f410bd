#!/usr/bin/env bash
# MedCom HospitalNotification intake benchmark (issue: >= 200 messages/s sustained).
#
#   bench/medcom/run.sh                         # 100,000 citizens, 8 clients, 20 s warm-up + 60 s measured
#   CITIZENS=20000 DURATION=20 bench/medcom/run.sh
#
# 1. builds the jar unless SKIP_BUILD=1, creates a fresh PostgreSQL database $DB,
# 2. starts the application (profiles postgres,bench-data,demo-users; a few offers only), waits for readiness,
# 3. loads $CITIZENS citizens with valid CPR numbers in one INSERT ... SELECT generate_series,
# 4. runs MedComBenchmark.java: each client takes the next citizen and sends the two MedCom examples
#    STIN (admitted) then SLHJ (discharged home) with fresh message ids and that citizen's CPR number,
#    over HTTP as the system user medcom/demo, for $WARMUP s unmeasured and $DURATION s measured,
# 5. checks that every accepted message is in the hospital timeline, stops the application, drops the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18380}
DB=${DB:-brobygger_bench_medcom}
CITIZENS=${CITIZENS:-100000}
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-60}
OUT=$(realpath -m "${OUT:-bench/out/medcom}")
# MedCom's public examples, beside the repository (not copied into it; see README "Test data").
EXAMPLES=${EXAMPLES:-../shared/reference/medcom-hospitalnotification}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
mkdir -p "$OUT"
APP_PID=
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; timeout 60 tail --pid="$APP_PID" -f /dev/null || kill -9 "$APP_PID"
    fi
    [[ "${KEEP_DB:-0}" == 1 ]] || "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" || true
}
trap cleanup EXIT

[[ "${SKIP_BUILD:-0}" == 1 ]] || ./mvnw -q -B -ntp -DskipTests package
JAR=$(ls target/brobygger-*.jar | grep -v original | head -1)
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "nproc: $(nproc)"; echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "git: $(git rev-parse --short HEAD)"; echo "citizens=$CITIZENS clients=$CLIENTS warmup=${WARMUP}s duration=${DURATION}s"
} | tee "$OUT/machine.txt"
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

if curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1; then
    echo "port $PORT is taken by another process; set PORT" >&2; exit 1
fi
BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= \
    "$JAVA" -jar "$JAR" --spring.profiles.active=postgres,bench-data,demo-users --brobygger.demo.offers=50 \
    --server.address=127.0.0.1 --server.port="$PORT" > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    kill -0 "$APP_PID" 2>/dev/null || { echo "application died, see $OUT/app.log" >&2; exit 1; }
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP && break
    sleep 1
done

echo "loading $CITIZENS citizens ..."
# CPR numbers ddmmyy-ssss for people born 1930-1959 (7th digit 0-3: 1900s), unique by the running number.
"${PSQL[@]}" -d "$DB" -c "
    INSERT INTO citizen (id, cpr, birth_date, sex, name, district, living_situation, needs_interpreter, version,
                         created_at, created_by, updated_at, updated_by)
    SELECT gen_random_uuid(), to_char(d, 'DDMMYY') || lpad((n % 4000)::text, 4, '0'), d,
           CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END, 'Borger ' || n, CASE WHEN n % 2 = 0 THEN 'ØST' ELSE 'VEST' END,
           'ALONE', FALSE, 0, now(), 'bench', now(), 'bench'
      FROM (SELECT n, DATE '1930-01-01' + (n / 4000) AS d FROM generate_series(0, $CITIZENS - 1) AS n) AS g" \
    -c "VACUUM ANALYZE citizen"
"${PSQL[@]}" -d "$DB" -c "SELECT cpr FROM citizen ORDER BY cpr" > "$OUT/cprs.txt"

timeout $((300 + 2 * (WARMUP + DURATION))) "$JAVA" bench/medcom/MedComBenchmark.java \
    "http://127.0.0.1:$PORT" "$OUT/cprs.txt" "$EXAMPLES" "$CLIENTS" "$WARMUP" "$DURATION" \
    | tee "$OUT/driver.txt"

ACCEPTED=$(grep -o 'accepted_total=[0-9]*' "$OUT/driver.txt" | cut -d= -f2)
STORED=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM hospital_event")
echo "hospital events stored: $STORED (accepted messages: $ACCEPTED)" | tee -a "$OUT/driver.txt"
[[ "$STORED" == "$ACCEPTED" ]] || { echo "stored events differ from accepted messages" >&2; exit 1; }
