"""Python peer of org.mlops4j.benchmarks.cli.CsvReadBenchmark (benchmarks/src/main/java/org/mlops4j/benchmarks/cli/).

Times, on the same generated files (written by the JMH benchmark's @Setup to
$TMPDIR/mlops-cli-bench-<rows>-{ref,cur}.csv):
  read_csv_module : csv.reader into per-column lists, then numpy arrays (float64 / int codes),
                    inferring numeric vs categorical as mlops does -- the standard-library way.
  read_loadtxt    : numpy.loadtxt of the three numeric columns only (numpy's C parser, no
                    categorical column, no type inference) -- a lower bound for pure parsing.
  drift           : read both files with the csv module, then scipy.stats.ks_2samp on the numeric
                    columns, chi2_contingency on the categorical one, and PSI with numpy
                    (10 reference-quantile bins) -- the work of `mlops drift`.

Usage: python3 benchmarks/python/cli_csv_peer.py [rows]   (default 1000000; median of 5 runs)
"""
import csv
import os
import statistics
import sys
import tempfile
import time

import numpy as np
import scipy.stats as st


def read_csv_module(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        cols = [[] for _ in header]
        for rec in r:
            for i, v in enumerate(rec):
                cols[i].append(v)
    out = {}
    for name, cells in zip(header, cols):
        try:
            out[name] = np.array([float(c) if c != "" else np.nan for c in cells])
        except ValueError:
            levels = {}
            out[name] = np.array([levels.setdefault(c, len(levels)) for c in cells], dtype=np.int32)
    return out


def read_loadtxt(path):
    return np.loadtxt(path, delimiter=",", skiprows=1, usecols=(0, 1, 2), quotechar='"')


def psi(ref, cur, bins=10, eps=1e-4):
    edges = np.quantile(ref, np.arange(1, bins) / bins)
    r = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=bins) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=bins) / len(cur)
    r = np.where(r == 0, eps, r)
    c = np.where(c == 0, eps, c)
    return float(np.sum((c - r) * np.log(c / r)))


def drift(ref_path, cur_path):
    a = read_csv_module(ref_path)
    b = read_csv_module(cur_path)
    out = {}
    for name in a:
        if a[name].dtype == np.float64:
            out[name] = (st.ks_2samp(a[name], b[name]).pvalue, psi(a[name], b[name]))
        else:
            k = max(a[name].max(), b[name].max()) + 1
            table = np.vstack([np.bincount(a[name], minlength=k), np.bincount(b[name], minlength=k)])
            out[name] = st.chi2_contingency(table, correction=False).pvalue
    return out


def timed(fn, *args, repeat=5):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    tmp = tempfile.gettempdir()
    ref = os.path.join(tmp, f"mlops-cli-bench-{rows}-ref.csv")
    cur = os.path.join(tmp, f"mlops-cli-bench-{rows}-cur.csv")
    if not os.path.exists(ref):
        sys.exit(f"{ref} is missing: run the JMH benchmark once first (its @Setup writes it)")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, rows {rows}")
    for name, fn, args in [("read_csv_module", read_csv_module, (ref,)),
                           ("read_loadtxt", read_loadtxt, (ref,)),
                           ("drift", drift, (ref, cur))]:
        med, best = timed(fn, *args)
        print(f"{name:16s} median {med:9.1f} ms   best {best:9.1f} ms")
