#!/usr/bin/env bash
# The MOA peer of the stream-detector benchmarks (docs/perf/stream.md, docs/PERFORMANCE.md):
# MoaPeerBenchmark, MOA 2024.07.0's ADWIN/DDM/EDDM/PageHinkleyDM/HDDM_A_Test on the data of
# DetectorBenchmark.
#
# MOA is GPL-3.0 and never a dependency of this project. This throwaway script downloads it from
# Maven Central at run time into a temporary folder (with its own local repository, so nothing of
# MOA stays on the machine), compiles benchmarks/scripts/moa/MoaPeerBenchmark.java there against
# MOA and the benchmarks jar (StreamData, JMH), runs it with JMH, and deletes the folder on exit.
# Only MOA's own jar is fetched: its detectors need none of its dependencies (Weka, DJL, ...).
#
#   mvn -B -q -DskipTests -pl benchmarks -am package        # benchmarks/target/benchmarks.jar
#   benchmarks/scripts/moa_peer.sh                          # every MoaPeerBenchmark method
#   benchmarks/scripts/moa_peer.sh 'MoaPeerBenchmark.ddm$'  # one (a JMH regular expression)
#
# Run each DetectorBenchmark method right before its peer, in the same shell session (the
# machine is shared: compare ratios, not absolute figures), e.g.
#   for b in adwinGaussian adwinErrors adwinAlternating ddm eddm pageHinkley hddmA; do
#     java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar \
#       "org.mlops4j.benchmarks.stream.DetectorBenchmark.$b\$" -f 1 -wi 3 -i 5 -w 1s -r 1s
#     benchmarks/scripts/moa_peer.sh "MoaPeerBenchmark.$b\$"
#   done
#
# Settings (environment):
#   JMH_OPTS     default "-f 1 -wi 3 -i 5 -w 1s -r 1s"
#   JAR          default benchmarks/target/benchmarks.jar
#   JMH_VERSION  default 1.37 (the annotation processor, the version the benchmarks jar uses)
#   M2           local Maven repository for the download; default a folder inside the temporary
#                folder. MVN_FLAGS: extra Maven flags (e.g. M2=~/.m2 MVN_FLAGS=-o to reuse a
#                repository that already holds the artifacts, offline).
set -euo pipefail
cd "$(dirname "$0")/../.."

MOA=nz.ac.waikato.cms.moa:moa:2024.07.0
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -i 5 -w 1s -r 1s"}
JAR=${JAR:-benchmarks/target/benchmarks.jar}
JMH_VERSION=${JMH_VERSION:-1.37}
[[ -f "$JAR" ]] || { echo "$JAR is missing: mvn -B -q -DskipTests -pl benchmarks -am package" >&2; exit 1; }

DIR=$(mktemp -d /tmp/mlops-moa-peer.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
M2=${M2:-$DIR/m2}

# run from $DIR, outside the project, so that Maven reads no project POM
for artifact in "$MOA" "org.openjdk.jmh:jmh-generator-annprocess:$JMH_VERSION"; do
  # shellcheck disable=SC2086
  (cd "$DIR" && mvn -B -q -ntp ${MVN_FLAGS:-} dependency:copy -Dartifact="$artifact" \
    -DoutputDirectory="$DIR/lib" -Dmdep.stripVersion=true -Dmaven.repo.local="$M2")
done

mkdir "$DIR/classes"
javac -d "$DIR/classes" -cp "$JAR:$DIR/lib/moa.jar" \
  -processorpath "$DIR/lib/jmh-generator-annprocess.jar:$JAR" \
  benchmarks/scripts/moa/MoaPeerBenchmark.java

# $DIR/classes first: its META-INF/BenchmarkList (MoaPeerBenchmark only) is the one JMH reads
uptime
# shellcheck disable=SC2086
java -Djmh.ignoreLock=true -cp "$DIR/classes:$JAR:$DIR/lib/moa.jar" org.openjdk.jmh.Main \
  "${1:-org.mlops4j.benchmarks.stream.MoaPeerBenchmark}" $JMH_OPTS
