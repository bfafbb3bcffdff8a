"""Reference values for mlops4j's individual-fairness tests (ConsistencyTest).

Brute-force numpy computation of AIF360's consistency score (Zemel et al. 2013): each row's
neighbour set is the row itself plus its k-1 nearest other rows (what sklearn's
NearestNeighbors(k).fit(X).kneighbors(X) returns when X has no duplicate rows).
Run: python3 benchmarks/python/individual_reference.py
"""
import numpy as np

rng = np.random.default_rng(20261126)
n, d = 30, 3
X = np.round(rng.normal(size=(n, d)) * [1.0, 5.0, 0.2] + [0.0, 10.0, 1.0], 3)
w = np.array([1.0, 0.2, -3.0])
yb = (X @ w + rng.normal(scale=0.7, size=n) > -1.0).astype(float)   # 0/1 decisions
ys = np.round(1 / (1 + np.exp(-(X @ w - 1.5))), 4)                        # scores


def scale(X, how):
    if how == "none":
        return X
    if how == "standardize":
        sd = X.std(axis=0)          # ddof=0, as sklearn StandardScaler
        sd[sd == 0] = 1
        return (X - X.mean(axis=0)) / sd
    lo, hi = X.min(axis=0), X.max(axis=0)
    r = hi - lo
    r[r == 0] = 1
    return (X - lo) / r


def dist(Z, metric):
    diff = Z[:, None, :] - Z[None, :, :]
    if metric == "euclidean":
        return np.sqrt((diff ** 2).sum(-1))
    if metric == "manhattan":
        return np.abs(diff).sum(-1)
    return np.abs(diff).max(-1)      # chebyshev


def consistency(X, y, k, metric="euclidean", how="none"):
    D = dist(scale(X, how), metric)
    np.fill_diagonal(D, -1.0)       # self first
    idx = np.argsort(D, axis=1, kind="stable")[:, :k]
    s = np.sort(D, axis=1)
    assert (s[:, k - 1] < s[:, k]).all(), "tie at the k-th distance"
    return 1 - np.abs(y - y[idx].mean(axis=1)).mean()


def jarr(a):
    return "{" + ", ".join(repr(float(v)) for v in a) + "}"


if __name__ == "__main__":
    print("X = {" + ",\n".join(jarr(r) for r in X) + "};")
    print("yb =", jarr(yb))
    print("ys =", jarr(ys))
    for k in (1, 3, 5, 10):
        print("binary euclidean none k=%d" % k, repr(consistency(X, yb, k)))
    for how in ("standardize", "min-max"):
        print("binary euclidean %s k=5" % how, repr(consistency(X, yb, 5, how=how)))
    print("binary manhattan none k=5", repr(consistency(X, yb, 5, "manhattan")))
    print("binary manhattan standardize k=4", repr(consistency(X, yb, 4, "manhattan", "standardize")))
    print("binary chebyshev none k=5", repr(consistency(X, yb, 5, "chebyshev")))
    print("scores euclidean none k=5", repr(consistency(X, ys, 5)))
    print("scores manhattan min-max k=7", repr(consistency(X, ys, 7, "manhattan", "min-max")))
