#!/usr/bin/env bash
# Development-time check (docs/MLFLOW.md): runs MLflow's own FileStore reader over the stores that
# mlops-core's tests write and over the golden stores in its test resources.
#
# Needs MLflow importable by $PYTHON (default python3): either an installed MLflow
# (`pip install mlflow==2.17.2`, or a 3.x), or MLflow's source on PYTHONPATH (a checkout of its
# public repository at a release; docs/MLFLOW.md says which Debian packages it then needs).
#
# Usage: scripts/mlflow/check-stores.sh [output folder, default mlops-core/target/mlflow-stores]
# Environment:
#   PYTHON      the Python that imports mlflow (default python3); PYTHONPATH is passed through
#   MVN_FLAGS   extra Maven flags, e.g. -o on a machine without network
#   REUSE=1     keep the stores already in the output folder (skip Maven), e.g. to read the same
#               stores with a second MLflow version
# Exit: 0 if MLflow read every store mlops4j wrote, 1 if not, 2 if MLflow is not importable.
# The hand-written golden fixtures (handwritten-store, mlflow3-store) are read and reported too,
# but do not decide the exit code: they imitate other writers (docs/MLFLOW.md says which MLflow
# versions cannot read them, and why).
set -euo pipefail
project=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$project/mlops-core/target/mlflow-stores}
python=${PYTHON:-python3}

if ! "$python" -c 'import mlflow' 2>/dev/null; then
  echo "MLflow is not importable by $python; install it or put its source on PYTHONPATH" >&2
  echo "(docs/MLFLOW.md). The import error:" >&2
  "$python" -c 'import mlflow' 2>&1 | tail -3 >&2 || true
  exit 2
fi
"$python" -W ignore -c 'import mlflow, sys; print("MLflow", mlflow.__version__, "from",
  mlflow.__file__.rsplit("/mlflow/", 1)[0], "on Python", sys.version.split()[0])'

if [[ "${REUSE:-}" != 1 || ! -d "$out" ]]; then
  rm -rf "$out"
  mkdir -p "$out"
  # 1. the stores the interop tests write (MlflowInteropTest copies each one when this property
  #    is set)
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
  (cd "$project" && mvn -B -ntp -q ${MVN_FLAGS:-} -pl mlops-core test -Dtest=MlflowInteropTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dmlops.mlflow.stores="$out")
  # 2. the golden stores of the test resources
  golden="$project/mlops-core/src/test/resources/org/mlops4j/core/tracking/golden"
  for store in handwritten-store written-by-mlops4j mlflow3-store; do
    cp -r "$golden/$store" "$out/golden-$store"
  done
  # written-by-mlops4j holds @ROOT_URI@ where the writer put the store's file: URI
  # (GoldenStoreTest); put the copy's own URI back so that it is a store as written.
  written="$out/golden-written-by-mlops4j"
  grep -rl '@ROOT_URI@' "$written" | while read -r f; do
    sed -i "s#@ROOT_URI@#file://$(cd "$written" && pwd)#g" "$f"
  done
fi

status=0
for store in "$out"/*/; do
  store=${store%/}
  case "$(basename "$store")" in
    golden-handwritten-store | golden-mlflow3-store)
      if ! "$python" "$project/scripts/mlflow/read_store.py" "$store"; then
        echo "     (hand-written fixture: does not decide the exit code, see docs/MLFLOW.md)"
      fi
      ;;
    *) "$python" "$project/scripts/mlflow/read_store.py" "$store" || status=1 ;;
  esac
done
exit $status
