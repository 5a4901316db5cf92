#!/usr/bin/env bash
# Runs the side-by-side benchmarks of issue #11 (this project vs Apache Pekko) and writes
# benchmarks/RESULTS.md.
#
#   bash benchmarks/run.sh           # the whole suite: about 12 minutes on a 2-core machine
#   bash benchmarks/run.sh --quick   # a shape check of the harness (under 2 minutes); writes
#                                    # benchmarks/target/RESULTS-quick.md and leaves RESULTS.md alone
#
# Finds a JDK 21+ through .ci/jdk.sh, builds benchmarks/target/benchmarks.jar with -Pbench, runs the
# JMH workloads (1-4, 7, 8) with -rf json and the plain mains (5: idle memory, 6: restart latency),
# keeps every raw output in benchmarks/target/bench-results/, and formats the table with the
# ResultsReport main. Extra arguments for JMH can be passed in JMH_ARGS (e.g. JMH_ARGS='-prof gc').
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."
. .ci/jdk.sh

mode=full
case "${1:-}" in
  "") ;;
  --quick) mode=quick ;;
  *) echo "usage: bash benchmarks/run.sh [--quick]" >&2; exit 2 ;;
esac

started_epoch=$(date +%s)
load_start=$(awk '{ print $1 " / " $2 " / " $3 }' /proc/loadavg 2>/dev/null || echo '?')

echo "== building benchmarks/target/benchmarks.jar"
mvn -B -ntp -q -Pbench -pl benchmarks -am -DskipTests package
echo # Debian's mvn ends its output with escape codes and no newline

jar=benchmarks/target/benchmarks.jar
results=benchmarks/target/bench-results
rm -rf "$results"
mkdir -p "$results"

java=("$JAVA_HOME/bin/java")
if [ "$(java_major "$JAVA_HOME")" -ge 23 ]; then
  java+=(--sun-misc-unsafe-memory-access=allow) # JMH and Pekko still use sun.misc.Unsafe
fi

mem_jvm_args=(-Xms4g -Xmx4g)      # the same for both sides of workload 5
restart_jvm_args=(-Xms1g -Xmx1g)  # the same for both sides of workload 6
if [ "$mode" = quick ]; then
  jmh_opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  idle_runs=1 idle_count=200000 restart_count=2000 restart_warmup=1000
  report=benchmarks/target/RESULTS-quick.md
else
  jmh_opts=() # the settings in the benchmark classes' annotations
  idle_runs=3 idle_count=1000000 restart_count=10000 restart_warmup=5000
  report=benchmarks/RESULTS.md
fi
read -r -a extra_jmh_opts <<< "${JMH_ARGS:-}"

cat > "$results/run.properties" <<PROPS
mode=$mode
started_epoch=$started_epoch
load_start=$load_start
idle_runs=$idle_runs
idle_count=$idle_count
mem_jvm_args=${mem_jvm_args[*]}
restart_count=$restart_count
restart_warmup=$restart_warmup
restart_jvm_args=${restart_jvm_args[*]}
PROPS

echo "== workloads 1-4, 7 and 8 (JMH)"
"${java[@]}" -jar "$jar" "${jmh_opts[@]}" "${extra_jmh_opts[@]}" -rf json -rff "$results/jmh.json" \
  'dev\.otpspring\.benchmarks\..*Benchmark' 2>&1 | tee "$results/jmh.txt"

echo "== workload 5: idle memory ($idle_runs runs per side, one JVM each)"
for run in $(seq 1 "$idle_runs"); do
  "${java[@]}" "${mem_jvm_args[@]}" -cp "$jar" dev.otpspring.benchmarks.IdleMemory "$idle_count" \
    2>&1 | tee "$results/idle-otp-$run.txt"
  "${java[@]}" "${mem_jvm_args[@]}" -cp "$jar" dev.otpspring.benchmarks.PekkoIdleMemory "$idle_count" \
    2>&1 | tee "$results/idle-pekko-$run.txt"
done

echo "== workload 6: restart latency (the measuring loop on a platform thread, then on a virtual thread)"
for driver in platform virtual; do
  "${java[@]}" "${restart_jvm_args[@]}" -Dbench.driver=$driver -cp "$jar" dev.otpspring.benchmarks.RestartLatency \
    "$restart_count" "$restart_warmup" 2>&1 | tee "$results/restart-otp-$driver.txt"
  "${java[@]}" "${restart_jvm_args[@]}" -Dbench.driver=$driver -cp "$jar" dev.otpspring.benchmarks.PekkoRestartLatency \
    "$restart_count" "$restart_warmup" 2>&1 | tee "$results/restart-pekko-$driver.txt"
done

echo "== report"
"${java[@]}" -cp "$jar" dev.otpspring.benchmarks.ResultsReport "$results" "$report"
echo "Done in $(( $(date +%s) - started_epoch )) s; raw outputs in $results"
