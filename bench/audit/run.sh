#!/usr/bin/env bash
# Audit log benchmark (bench/run.sh audit): append throughput, striped log against one chain, and
# verification of VERIFY_RECORDS records with 1, 2 and 4 threads. See AuditBenchmark.java.
#
#   bench/run.sh audit                                        # 20,000 appends x 4 variants, verify 10,000,000
#   APPENDS=5000 VERIFY_RECORDS=1000000 bench/run.sh audit    # a quick try
#
# The database $DB is created fresh and dropped at the end unless KEEP_DB=1 (10 M records take ~5 GB).
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DB=${DB:-brobygger_bench_audit}
APPENDS=${APPENDS:-20000}
THREADS=${THREADS:-16}
VERIFY_RECORDS=${VERIFY_RECORDS:-10000000}
WORK_MILLIS=${WORK_MILLIS:-2}
OUT=$(realpath -m "${OUT:-bench/out}")
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
mkdir -p "$OUT"

cleanup() {
    if [[ "${KEEP_DB:-0}" != 1 ]]; then
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" || true
    fi
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -q -B -DskipFrontend=true compile
fi
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ) nproc: $(nproc) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "postgresql: $("${PSQL[@]}" -c 'SHOW server_version') shared_buffers=$("${PSQL[@]}" -c 'SHOW shared_buffers')" \
        "synchronous_commit=$("${PSQL[@]}" -c 'SHOW synchronous_commit')"
    echo "git: $(git rev-parse --short HEAD); appends=$APPENDS threads=$THREADS verify_records=$VERIFY_RECORDS work_ms=$WORK_MILLIS"
} | tee "$OUT/audit-machine.txt"
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
BROBYGGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" BROBYGGER_DB_USER=postgres BROBYGGER_DB_PASSWORD= \
    timeout 3600 "$JAVA_HOME/bin/java" -cp "target/classes:$(cat target/cp.txt)" bench/audit/AuditBenchmark.java \
    "$APPENDS" "$THREADS" "$VERIFY_RECORDS" "$WORK_MILLIS" | tee "$OUT/audit.txt"
