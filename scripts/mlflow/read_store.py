"""Reads one store with MLflow's own FileStore: every experiment, every run (get_run) and every
metric's history (get_metric_history), as `mlflow ui` would. Exits 1 on the first error.

Usage: python3 read_store.py <store folder>   (see scripts/mlflow/check-stores.sh, docs/MLFLOW.md)
"""
import sys
import traceback

from mlflow.entities import ViewType
from mlflow.store.tracking.file_store import FileStore


def main(root):
    store = FileStore(root_directory=root)
    runs = metrics = 0
    try:
        for exp in store.search_experiments(view_type=ViewType.ALL):
            store.get_experiment(exp.experiment_id)
            for listed in store.search_runs([exp.experiment_id], "", ViewType.ALL):
                run = store.get_run(listed.info.run_id)
                runs += 1
                for key in run.data.metrics:
                    store.get_metric_history(run.info.run_id, key)
                    metrics += 1
    except Exception:  # noqa: BLE001 - report whatever MLflow raises
        print(f"FAIL {root}")
        traceback.print_exc()
        return 1
    print(f"ok   {root}: {runs} runs, {metrics} metric histories")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
