#!/usr/bin/env bash
# Builds siammae-data and runs its throughput benchmark, then the ffmpeg command-line baseline.
# Run from the repository root: siammae-data/bench/run-data-benchmark.sh [extra DataBenchmark options]
set -euo pipefail

cd "$(dirname "$0")/../.."
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT

mvn -q -B -o -pl siammae-data -am package -DskipTests \
    dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
classpath="$(tr ':' '\n' < "$classpath_file" | grep -v '/siammae-data/' | paste -sd:)"

date
echo "$(nproc) processors, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$classpath:siammae-data/target/classes" org.siammae.data.bench.DataBenchmark \
    --videos ../shared/data/videos "$@"
echo
siammae-data/bench/ffmpeg-baseline.sh ../shared/data/videos

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
