"""Python peer of org.mlops4j.benchmarks.fairness.GroupCountsBenchmark (numpy only).

Group confusion counts for 10,000,000 rows and 4 groups from int8 arrays, as
np.bincount(group*4 + y*2 + yhat), plus the rates from the 16 counts; and, separately, encoding a
String group column into codes with np.unique(return_inverse=True) on a '<U1' array
(pandas, whose factorize would be faster, is not installed here).
Run (same shell session as the JMH run):
  (unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 benchmarks/python/fairness_bincount.py)
"""
import time

import numpy as np

N = 10_000_000
rng = np.random.default_rng(42)
g = rng.integers(0, 4, N).astype(np.int8)
y = rng.integers(0, 2, N).astype(np.int8)
flip = rng.random(N) >= 0.7
yhat = np.where(flip, 1 - y, y).astype(np.int8)


def counts_and_rates():
    c = np.bincount(g * 4 + y * 2 + yhat, minlength=16).reshape(4, 4)
    tn, fp, fn, tp = c[:, 0], c[:, 1], c[:, 2], c[:, 3]
    n = c.sum(axis=1)
    return dict(sel=(tp + fp) / n, base=(tp + fn) / n, tpr=tp / (tp + fn), fpr=fp / (fp + tn),
                ppv=tp / (tp + fp), npv=tn / (tn + fn), acc=(tp + tn) / n)


def bench(fn, repeat):
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    times = np.array(times) * 1000
    return np.median(times), times.min()


med, best = bench(counts_and_rates, 15)
print(f"numpy bincount counts+rates, 10M rows, 4 groups: median {med:.2f} ms, min {best:.2f} ms")
names = np.array(["a", "b", "c", "d"])[g]          # fixed-width '<U1', numpy's fastest string form
med, best = bench(lambda: np.unique(names, return_inverse=True), 3)
print(f"numpy unique(return_inverse) of 10M '<U1' strings: median {med:.1f} ms, min {best:.1f} ms")
