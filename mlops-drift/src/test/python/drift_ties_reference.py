"""Expected values of the drift tests of issue 10 (PSI on tied and discrete data) and issue 12
(real files): python3 with NumPy 2.4.6 and SciPy 1.17.1 (pandas is not needed: np.unique of the
quantiles gives the edges of pandas qcut(q=bins, duplicates="drop")).

Run: python3 mlops-drift/src/test/python/drift_ties_reference.py
"""
import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

EPS = 1e-4


def rep(values, counts):
    return np.repeat(np.array(values, float), counts)


def integers(*counts):
    return rep(range(len(counts)), counts)


def dominant_then_cycle(v, head, cycled, period):
    return np.concatenate([np.full(head, float(v)), np.arange(cycled) % period]).astype(float)


def numpy_psi(ref, cur, bins=10):
    """PSI over the distinct reference quantiles k/bins, binned by numpy.histogram."""
    edges = np.unique(np.quantile(ref, np.arange(bins + 1) / bins))
    rc = np.histogram(ref, edges)[0]
    cc = np.histogram(cur, edges)[0]
    assert cc.sum() == len(cur), "every current value must lie in the reference's range"
    r = rc / len(ref)
    c = cc / len(cur)
    r = np.where(r == 0, EPS, r)
    c = np.where(c == 0, EPS, c)
    return float(np.sum((c - r) * np.log(c / r))), len(edges) - 1, [float(e) for e in edges[1:-1]]


def value_psi(ref, cur):
    """PSI over the share of each value (a discrete column: at most 20 whole-number values), a
    share of exactly 0 replaced by EPS (no renormalisation), as DriftDetector documents."""
    values = np.union1d(ref, cur)
    r = np.array([np.mean(ref == v) for v in values])
    c = np.array([np.mean(cur == v) for v in values])
    r = np.where(r == 0, EPS, r)
    c = np.where(c == 0, EPS, c)
    return float(np.sum((c - r) * np.log(c / r))), len(values), [float(v) for v in values[1:]]


PSI_CASES = {
    "integers": (integers(50, 120, 200, 180, 150, 100, 60, 40), integers(30, 90, 170, 200, 180, 130, 80, 60)),
    "binary": (integers(700, 300), integers(600, 400)),
    "rare_ones": (integers(950, 50), integers(800, 200)),
    "dominant_value": (dominant_then_cycle(3, 500, 500, 10), dominant_then_cycle(3, 300, 700, 10)),
    "golden_counts": (integers(3, 5, 8, 7, 6, 5, 4, 2), integers(1, 3, 6, 8, 8, 6, 5, 3)),
    "golden_sparse": (integers(2, 6, 6, 4, 2), integers(1, 3, 6, 8, 8)),
}

for name, (ref, cur) in PSI_CASES.items():
    psi, bins, interior = numpy_psi(ref, cur)
    print(f"{name}: psi={psi!r} bins={bins} interior edges={interior}")

# since the discrete columns of issue 12: a numeric column of at most 20 whole-number values has
# one PSI bin per value (its edges are its values but the smallest)
for name, (ref, cur) in PSI_CASES.items():
    psi, bins, interior = value_psi(ref, cur)
    print(f"{name} by value: psi={psi!r} bins={bins} interior edges={interior}")
print("shifted integers (+0.5, not whole numbers: quantile bins):",
      numpy_psi(integers(50, 120, 200, 180, 150, 100, 60, 40) + 0.5,
                integers(30, 90, 170, 200, 180, 130, 80, 60) + 0.5))

# capped_categories: the 200 most frequent reference categories, then one bucket for the rest
ref = [15] * 200 + [5 * 200]
cur = [20] * 100 + [10] * 100 + [6 * 200 + 100]
chi2, p, dof, _ = stats.chi2_contingency(np.array([ref, cur]), correction=False)
r = np.array(ref) / sum(ref)
c = np.array(cur) / sum(cur)
print(f"capped_categories: chi2={chi2!r} p={p!r} dof={dof} js={jensenshannon(r, c, base=2)!r}"
      f" psi={float(np.sum((c - r) * np.log(c / r)))!r}")

# binary_domain: a 0/1 reference, a current with 1000s
ref = np.array([1.0 if i % 10 == 0 else 0.0 for i in range(2000)])
cur = np.array([1.0 if i % 10 == 0 else 1000.0 if i % 10 == 1 else 0.0 for i in range(1500)])
print(f"binary_domain: ks D={stats.ks_2samp(ref, cur).statistic!r}")
