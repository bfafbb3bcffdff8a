"""Python peer of mlops4j's ConsistencyBenchmark: 5 nearest neighbours (self included) of 100,000
rows of 10 features with scipy.spatial.cKDTree, and AIF360's consistency formula on them.

Writes the data set to /tmp/individual_100k.f64 (little-endian float64, 100000 x 11: ten features
then the 0/1 prediction) so that the JMH benchmark reads exactly the same rows:

  unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 benchmarks/python/individual_consistency_peer.py
  java -jar benchmarks/target/benchmarks.jar ConsistencyBenchmark -f 1 -wi 1 -i 3 \
       -p dataFile=/tmp/individual_100k.f64
"""
import sys
import time

import numpy as np
import scipy
from scipy.spatial import cKDTree

n, d, k = 100_000, 10, 5
path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/individual_100k.f64"

rng = np.random.default_rng(20261126)
X = rng.normal(size=(n, d))
y = (X.sum(axis=1) + 0.5 * rng.normal(size=n) > 0).astype(float)
np.hstack([X, y[:, None]]).astype("<f8").tofile(path)
print(f"numpy {np.__version__}, scipy {scipy.__version__}; wrote {path}")

for workers in (1, -1):
    times = []
    for rep in range(3):
        t0 = time.perf_counter()
        tree = cKDTree(X)
        _, idx = tree.query(X, k=k, workers=workers)   # X itself: each row is its own 1st neighbour
        c = 1 - np.abs(y - y[idx].mean(axis=1)).mean()
        times.append(time.perf_counter() - t0)
    print(f"cKDTree build+query k={k} workers={workers}: "
          + ", ".join(f"{t:.2f}" for t in times) + f" s; consistency {c!r}")
