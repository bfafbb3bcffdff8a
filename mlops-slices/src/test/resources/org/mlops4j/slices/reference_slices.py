# Reference for SliceFinderTest.everySliceToDepthTwo_matchesAnIndependentNumpyComputation.
# numpy 2.4.6 / scipy 1.17.1. Writes reference_rows.csv (the data) and reference_slices.csv (every
# slice of one or two conditions with at least 30 rows, at least 2 rows outside it, and fewer rows
# than each of its parts; its pooled two-proportion z-test against the rest, one-sided, and the
# Benjamini-Hochberg adjusted p-value over all of them, from scipy.stats.false_discovery_control).
# The finder runs with minEffectSize(100), so nothing is significant and nothing is pruned.
import itertools, numpy as np
from scipy import stats
rng = np.random.default_rng(2024)
n = 1500
cols = {"a": rng.choice(["u", "v", "w"], n), "b": rng.choice(["k1", "k2", "k3", "k4"], n, p=[.4, .3, .2, .1]),
        "c": rng.choice(["x", "y"], n, p=[.7, .3])}
err = (rng.random(n) < np.where((cols["a"] == "w") & (cols["b"] == "k2"), 0.35, 0.15)).astype(int)
with open("reference_rows.csv", "w") as f:
    f.write("error,a,b,c\n")
    for i in range(n):
        f.write("%d,%s,%s,%s\n" % (err[i], cols["a"][i], cols["b"][i], cols["c"][i]))
E = err.sum()
def test(mask):
    n1 = mask.sum(); e1 = err[mask].sum(); n2 = n - n1; e2 = E - e1
    p = (e1 + e2) / n
    z = (e1 / n1 - e2 / n2) / np.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return n1, e1 / n1, z, stats.norm.sf(z)
rows = []
single = {}
for f, v in cols.items():
    for val in sorted(set(v)):
        m = v == val; single[(f, val)] = m.sum()
        if m.sum() >= 30 and n - m.sum() >= 2:
            rows.append(("%s=%s" % (f, val),) + test(m))
names = list(cols)
for f, g in itertools.combinations(names, 2):
    for x in sorted(set(cols[f])):
        for y in sorted(set(cols[g])):
            m = (cols[f] == x) & (cols[g] == y); s = m.sum()
            if s >= 30 and n - s >= 2 and s < single[(f, x)] and s < single[(g, y)]:
                rows.append(("%s=%s|%s=%s" % (f, x, g, y),) + test(m))
q = stats.false_discovery_control([r[4] for r in rows], method="bh")
with open("reference_slices.csv", "w") as out:
    out.write("name,rows,value,z,p,p_adjusted\n")
    for r, qa in zip(rows, q):
        out.write("%s,%d,%r,%r,%r,%r\n" % (r[0], r[1], float(r[2]), float(r[3]), float(r[4]), float(qa)))
print(len(rows), "slices")
