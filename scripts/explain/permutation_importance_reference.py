"""Independent reference for PermutationImportanceTest (mlops4j explain, issue 22).

Re-implements scikit-learn's permutation_importance (sklearn/inspection/_permutation_importance.py:
for each repeat, shuffle one column (or several together), score, importance = baseline - permuted
score with the scorer neg_mean_squared_error, so = mse_permuted - mse_baseline; importances_mean =
np.mean, importances_std = np.std) in numpy, with the SAME permutations as mlops4j
(PermutationImportance.builder().seed(42).repeats(3), permutation(8, name, r), pasted below), and
the t interval of the mean with scipy. No scikit-learn needed (not installed here).

Run: python3 scripts/explain/permutation_importance_reference.py
"""
import numpy as np
from scipy import stats

X = np.array([
    [1.0, 2.0, 0.5],
    [2.0, 1.0, -1.0],
    [3.0, 0.0, 2.0],
    [4.0, -1.0, 1.5],
    [5.0, 3.0, 0.0],
    [6.0, 2.5, -0.5],
    [7.0, -2.0, 1.0],
    [8.0, 0.5, 2.5],
])
y = np.array([2.0, 5.0, 7.5, 10.0, 8.0, 10.5, 17.0, 19.0])


def f(X):
    return 2 * X[:, 0] - X[:, 1] + 0.5 * X[:, 2] ** 2


PERMS = {  # mlops4j PermutationImportance(seed 42).permutation(8, name, repeat)
    "x0": [[5, 2, 0, 3, 7, 1, 4, 6], [0, 1, 5, 6, 3, 7, 4, 2], [6, 1, 3, 4, 5, 7, 2, 0]],
    "x1": [[2, 1, 5, 0, 7, 6, 4, 3], [4, 1, 2, 0, 3, 6, 5, 7], [6, 5, 2, 7, 1, 3, 4, 0]],
    "x2": [[1, 0, 4, 5, 3, 2, 7, 6], [5, 1, 4, 0, 7, 3, 6, 2], [3, 5, 7, 2, 6, 0, 4, 1]],
    "g": [[0, 5, 1, 2, 6, 7, 3, 4], [7, 0, 1, 3, 4, 5, 2, 6], [7, 5, 1, 2, 4, 6, 3, 0]],
}
COLS = {"x0": [0], "x1": [1], "x2": [2], "g": [1, 2]}


def mse(y, p):
    return np.mean((y - p) ** 2)


base = mse(y, f(X))
print("baseline mse", repr(base))
t = stats.t.ppf(0.975, 2)
for name in ["x0", "x1", "x2", "g"]:
    imps = []
    for perm in PERMS[name]:
        Xp = X.copy()
        for c in COLS[name]:
            Xp[:, c] = X[np.array(perm), c]
        imps.append(mse(y, f(Xp)) - base)
    imps = np.array(imps)
    m, sd = imps.mean(), imps.std()
    half = t * imps.std(ddof=1) / np.sqrt(len(imps))
    print(name, "importances", [repr(v) for v in imps], "mean", repr(m), "std", repr(sd),
          "lower", repr(m - half), "upper", repr(m + half))
