#!/bin/sh
# The 10M-row drift benchmark of docs/perf/spark.md: one JVM, Spark local[1], Spark local[2], each in
# its own process, under the benchmark lock, with the load average before and after each.
# Usage (from the repository root, after `mvn -pl mlops-spark install -DskipTests`):
#   benchmarks/scripts/spark/run.sh [rows per side, default 10000000] [calls, default 2]
set -e
ROWS=${1:-10000000}
CALLS=${2:-2}
OUT=${OUT:-/tmp/spark-harness}
mkdir -p "$OUT/classes"
mvn -B -ntp -o -q -pl mlops-spark dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="$(cat "$OUT/cp.txt"):mlops-spark/target/classes"
javac -d "$OUT/classes" -cp "$CP" benchmarks/scripts/spark/SparkDriftHarness.java
OPTS=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' mlops-spark/pom.xml)
for mode in "jvm" "spark 1" "spark 2"; do
  echo "== $mode; before: $(uptime)"
  # shellcheck disable=SC2086
  /usr/bin/time -f "max RSS %M KB, %e s elapsed, %U s user" \
    java $OPTS -Xmx12g -cp "$CP:$OUT/classes" \
    org.mlops4j.benchmarks.spark.SparkDriftHarness "$ROWS" "$CALLS" $mode
  echo "== $mode; after: $(uptime)"
done
