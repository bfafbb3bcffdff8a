#!/usr/bin/env bash
# Re-measures the summary figures of docs/PERFORMANCE.md: each JMH benchmark followed at once by its
# peer in the same shell session. Build first: mvn -B -q -DskipTests -pl benchmarks -am package
set -euo pipefail
cd "$(dirname "$0")/../.."
J="java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 1s -r 1s"
peer() { (unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 "$@"); }
uptime
$J 'tracking.LogMetricLatencyBenchmark' | tail -12
$J 'tracking.SustainedMetricThroughputBenchmark' | tail -3
peer benchmarks/python/tracking_peer.py | tail -8
uptime
$J 'drift.DriftBenchmark.(ks1e6|psi1e6|psi1e6VsBaseline|ksWindowVsBaseline)$' | tail -6
peer benchmarks/python/drift_peer.py | tail -12
uptime
$J 'fairness.GroupCountsBenchmark.countsAndRates' | tail -3
peer benchmarks/python/fairness_bincount.py | tail -6
uptime
$J 'cli.CsvReadBenchmark' | tail -4
peer benchmarks/python/cli_csv_peer.py | tail -8
uptime
