#!/usr/bin/env bash
# Development-time check (docs/modules/registry.md): MLflow's own registry reader
# (mlflow.store.model_registry.file_store.FileStore) over a registry that mlops-registry writes
# (MlflowReaderStoreTest: models, versions with tags and our own files beside them, aliases,
# stages after a refused and a passed promotion, an audit log), compared with what mlops4j reads
# there.
#
# Needs MLflow importable by $PYTHON (see scripts/mlflow/check-stores.sh and docs/MLFLOW.md: an
# installed MLflow, or its source on PYTHONPATH).
#
# Usage: scripts/mlflow/check-registry.sh [output folder, default mlops-registry/target/mlflow-registry]
# Environment: PYTHON (default python3), PYTHONPATH (passed through), MVN_FLAGS (e.g. -o),
#   REUSE=1 (read the store already in the output folder again, without Maven).
# Exit: 0 if MLflow read what mlops4j wrote as mlops4j reads it, 1 if not, 2 if MLflow is not
# importable.
set -euo pipefail
project=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$project/mlops-registry/target/mlflow-registry}
python=${PYTHON:-python3}

if ! "$python" -c 'import mlflow' 2>/dev/null; then
  echo "MLflow is not importable by $python; install it or put its source on PYTHONPATH" >&2
  "$python" -c 'import mlflow' 2>&1 | tail -3 >&2 || true
  exit 2
fi
"$python" -W ignore -c 'import mlflow, sys; print("MLflow", mlflow.__version__, "from",
  mlflow.__file__.rsplit("/mlflow/", 1)[0], "on Python", sys.version.split()[0])'

if [[ "${REUSE:-}" != 1 || ! -f "$out/expected.json" ]]; then
  rm -rf "$out"
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
  (cd "$project" && mvn -B -ntp -q ${MVN_FLAGS:-} -pl mlops-registry test \
    -Dtest=MlflowReaderStoreTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmlops.registry.mlflowStore="$out")
fi
"$python" "$project/scripts/mlflow/read_registry.py" "$out"
