#!/usr/bin/env bash
# Performance of mlops-pipeline: JMH benchmarks plus their command-line peers on files of the same
# size, in the same shell session (the machine is shared: compare ratios, not absolute figures).
#
#   benchmarks/scripts/pipeline_bench.sh                 # uses benchmarks/target/benchmarks.jar
#   BENCH_CP=<classpath> benchmarks/scripts/pipeline_bench.sh   # or an explicit class path
#   JMH_OPTS="-f 1 -wi 3 -i 5 -w 1s -r 1s" (default)
#
# Generated files live under /tmp and are deleted on exit (the JMH benchmarks delete theirs in
# their @TearDown). -Djmh.ignoreLock=true: other JMH runs may share the machine.
set -euo pipefail

JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -i 5 -w 1s -r 1s"}
if [[ -n "${BENCH_CP:-}" ]]; then
  JMH=(java -Djmh.ignoreLock=true -cp "$BENCH_CP" org.openjdk.jmh.Main)
else
  JMH=(java -Djmh.ignoreLock=true -jar "${JAR:-benchmarks/target/benchmarks.jar}")
fi
DIR=$(mktemp -d /tmp/mlops-pipe-peer.XXXXXX)
trap 'rm -rf "$DIR"' EXIT

echo "== 1. SHA-256 of a 1 GiB file, one core"
# shellcheck disable=SC2086
"${JMH[@]}" PipelineHashBenchmark $JMH_OPTS 2>&1 | grep -E '^(Benchmark|Pipeline)'
head -c 1073741824 /dev/urandom > "$DIR/large.bin"
for tool in sha256sum md5sum; do
  for i in 1 2 3; do /usr/bin/time -f "$tool: %e s" "$tool" "$DIR/large.bin" > /dev/null; done
done
python3 - "$DIR/large.bin" <<'PY'
import hashlib, sys, time
for _ in range(3):
    t = time.perf_counter(); h = hashlib.sha256()
    with open(sys.argv[1], 'rb') as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    print(f"python3 hashlib.sha256 (OpenSSL): {time.perf_counter() - t:.2f} s")
PY

echo "== 2. No-op run: 10,000 small files + 1 GiB of large files"
# shellcheck disable=SC2086
"${JMH[@]}" PipelineNoopRunBenchmark $JMH_OPTS 2>&1 | grep -E '^(Benchmark|Pipeline)'

echo "== 3. Restore a deleted 1 GiB output from the cache, vs cp"
# shellcheck disable=SC2086
"${JMH[@]}" PipelineRestoreBenchmark $JMH_OPTS 2>&1 | grep -E '^(Benchmark|Pipeline)'
for i in 1 2 3; do
  /usr/bin/time -f "cp: %e s" cp "$DIR/large.bin" "$DIR/copy.bin"
  rm -f "$DIR/copy.bin"
done
for i in 1 2 3; do
  /usr/bin/time -f "ln (hard link): %e s" ln "$DIR/large.bin" "$DIR/link.bin"
  rm -f "$DIR/link.bin"
done
