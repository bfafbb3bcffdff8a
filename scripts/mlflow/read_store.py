"""Reads one store with MLflow's own FileStore, as `mlflow ui` would: search_experiments,
get_experiment, get_experiment_by_name, search_runs, get_run and get_metric_history for every
metric key. Also checks that MLflow did not silently skip anything: FileStore's listings log and
drop a run or experiment they cannot read, so every run folder on disk (a sub-folder of an
experiment with a meta.yaml) is also read by id with get_run, and the experiments and runs MLflow
lists are compared with the folders. Exits 1 on the first error.

Usage: python3 read_store.py <store folder>   (see scripts/mlflow/check-stores.sh, docs/MLFLOW.md)
"""
import os
import re
import sys
import traceback
import warnings

warnings.filterwarnings("ignore")  # MLflow 3 warns that FileStore is deprecated

from mlflow.entities import ViewType  # noqa: E402
from mlflow.store.tracking.file_store import FileStore  # noqa: E402

RUN_ID = re.compile(r"^[0-9a-f]{32}$")


def folders(root):
    """(experiment ids on disk, run ids on disk) of a FileStore root, .trash included."""
    exps, runs = set(), set()
    for parent in (root, os.path.join(root, ".trash")):
        if not os.path.isdir(parent):
            continue
        for exp in os.listdir(parent):
            exp_dir = os.path.join(parent, exp)
            if exp.startswith(".") or not os.path.isfile(os.path.join(exp_dir, "meta.yaml")):
                continue
            if parent == root and exp == "models":  # the model registry's folder, not an experiment
                continue
            exps.add(exp)
            for run in os.listdir(exp_dir):
                if RUN_ID.match(run) and os.path.isfile(os.path.join(exp_dir, run, "meta.yaml")):
                    runs.add(run)
    return exps, runs


def main(root):
    root = os.path.abspath(root)
    store = FileStore(root_directory=root)
    runs = metrics = 0
    try:
        disk_exps, disk_runs = folders(root)
        listed_exps = set()
        listed_runs = set()
        for exp in store.search_experiments(view_type=ViewType.ALL):
            listed_exps.add(exp.experiment_id)
            store.get_experiment(exp.experiment_id)
            by_name = store.get_experiment_by_name(exp.name)
            if by_name is None or by_name.experiment_id != exp.experiment_id:
                raise AssertionError(f"get_experiment_by_name({exp.name!r}) gave {by_name}")
            for listed in store.search_runs([exp.experiment_id], "", ViewType.ALL):
                listed_runs.add(listed.info.run_id)
        if listed_exps != disk_exps:
            raise AssertionError(
                f"search_experiments listed {sorted(listed_exps)}, folders are {sorted(disk_exps)}"
            )
        if listed_runs != disk_runs:
            raise AssertionError(
                f"search_runs listed {sorted(listed_runs)}, run folders are {sorted(disk_runs)}"
            )
        for run_id in sorted(disk_runs):
            run = store.get_run(run_id)
            runs += 1
            for key in run.data.metrics:
                history = store.get_metric_history(run_id, key)
                if not history:
                    raise AssertionError(f"run {run_id}: empty history for metric {key!r}")
                metrics += 1
    except Exception:  # noqa: BLE001 - report whatever MLflow raises
        print(f"FAIL {root}")
        traceback.print_exc(file=sys.stdout)
        return 1
    print(f"ok   {root}: {len(disk_exps)} experiments, {runs} runs, {metrics} metric histories")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
