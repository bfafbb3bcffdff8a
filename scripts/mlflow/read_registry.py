"""Reads the model registry of one store with MLflow's own registry FileStore
(mlflow.store.model_registry.file_store.FileStore): search_registered_models, get_registered_model,
search_model_versions, get_model_version, get_model_version_by_alias, get_latest_versions by
stage; and the tracking FileStore's search_experiments and search_runs over the same root (the
registry's files must not disturb them). Compares everything with expected.json, what mlops4j's
own reader read there (written by MlflowReaderStoreTest). Exits 1 on the first difference.

Usage: python3 read_registry.py <folder holding mlruns/ and expected.json>
"""
import json
import os
import sys
import traceback
import warnings

warnings.filterwarnings("ignore")  # MLflow 3 warns that FileStore is deprecated

from mlflow.entities import ViewType  # noqa: E402
from mlflow.store.model_registry.file_store import FileStore as RegistryStore  # noqa: E402
from mlflow.store.tracking.file_store import FileStore as TrackingStore  # noqa: E402


def check(what, actual, expected):
    if actual != expected:
        raise AssertionError(f"{what}: MLflow read {actual!r}, mlops4j {expected!r}")


def main(folder):
    root = os.path.join(folder, "mlruns")
    with open(os.path.join(folder, "expected.json")) as f:
        expected = {m["name"]: m for m in json.load(f)["models"]}
    registry = RegistryStore(root)
    listed = registry.search_registered_models(max_results=1000)
    check("registered models", sorted(m.name for m in listed), sorted(expected))
    n_versions = 0
    for name, exp in expected.items():
        m = registry.get_registered_model(name)
        check(f"{name}: description", m.description or "", exp["description"])
        check(f"{name}: tags", dict(m.tags), exp["tags"])
        check(f"{name}: aliases", {a: int(v) for a, v in m.aliases.items()}, exp["aliases"])
        versions = registry.search_model_versions(f"name='{name}'", max_results=1000)
        check(f"{name}: versions", sorted(int(v.version) for v in versions),
              [v["version"] for v in exp["versions"]])
        for ev in exp["versions"]:
            v = registry.get_model_version(name, ev["version"])
            where = f"{name} v{ev['version']}"
            check(f"{where}: stage", v.current_stage, ev["stage"])
            check(f"{where}: description", v.description or "", ev["description"])
            check(f"{where}: run_id", v.run_id, ev["runId"])
            check(f"{where}: user_id", v.user_id or "", ev["user"])
            check(f"{where}: source", v.source, ev["source"])
            check(f"{where}: tags", dict(v.tags), ev["tags"])
            check(f"{where}: aliases", sorted(v.aliases), sorted(ev["aliases"]))
            n_versions += 1
        for alias, number in exp["aliases"].items():
            check(f"{name}: alias {alias}",
                  int(registry.get_model_version_by_alias(name, alias).version), number)
        for stage in ("None", "Staging", "Production", "Archived"):
            latest = registry.get_latest_versions(name, [stage])
            in_stage = [v["version"] for v in exp["versions"] if v["stage"] == stage]
            check(f"{name}: latest in {stage}", [int(v.version) for v in latest],
                  [max(in_stage)] if in_stage else [])
    tracking = TrackingStore(root)
    exps = tracking.search_experiments(view_type=ViewType.ALL)
    runs = tracking.search_runs([e.experiment_id for e in exps], None, ViewType.ALL)
    print(f"ok   {folder}: {len(listed)} models, {n_versions} versions, aliases and stages as "
          f"mlops4j reads them; tracking: {len(exps)} experiments, {len(runs)} runs")


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception:  # noqa: BLE001
        print(f"FAIL {sys.argv[1]}")
        traceback.print_exc()
        sys.exit(1)
