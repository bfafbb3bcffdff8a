#!/usr/bin/env bash
# Development-time check (docs/MLFLOW.md): runs MLflow's own FileStore reader over the stores that
# mlops-core's tests write and over the golden stores in its test resources. Needs MLflow installed
# for the Python given by $PYTHON (default python3), e.g. `pip install mlflow==2.17.2` or a 3.x.
# Usage: scripts/mlflow/check-stores.sh [output folder, default mlops-core/target/mlflow-stores]
set -euo pipefail
project=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$project/mlops-core/target/mlflow-stores}
python=${PYTHON:-python3}

if ! "$python" -c 'import mlflow' 2>/dev/null; then
  echo "MLflow is not importable by $python; install it (pip install 'mlflow==2.17.2' or 3.x)" >&2
  exit 2
fi
"$python" -c 'import mlflow, sys; print("MLflow", mlflow.__version__, "on Python", sys.version.split()[0])'

rm -rf "$out"
mkdir -p "$out"
# 1. the stores the interop tests write (MlflowInteropTest copies each one when this property is set)
(cd "$project" && mvn -B -ntp -q -pl mlops-core test -Dtest=MlflowInteropTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmlops.mlflow.stores="$out")
# 2. the golden stores of the test resources
golden="$project/mlops-core/src/test/resources/org/mlops4j/core/tracking/golden"
for store in handwritten-store written-by-mlops4j mlflow3-store; do
  cp -r "$golden/$store" "$out/golden-$store"
done

status=0
for store in "$out"/*/; do
  "$python" "$project/scripts/mlflow/read_store.py" "$store" || status=1
done
exit $status
