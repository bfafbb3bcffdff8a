"""Independent reference values for mlops-fairness tests (numpy 2.4 only; no mlops4j code).

Run: python3 mlops-fairness/src/test/python/expected_values.py
Prints the generated data set (pasted as literals into GroupFairnessTest) and the expected values.
Each formula is a numpy re-implementation of the named reference:
  - Fairlearn 0.13 MetricFrame.difference/ratio(method='between_groups'|'to_overall'),
    demographic_parity_difference/ratio, equalized_odds_difference(agg='worst_case'|'mean')
  - statsmodels proportion_confint(method='wilson')
  - sklearn.calibration.calibration_curve(strategy='uniform'|'quantile')
"""
import numpy as np
from scipy.stats import norm

rng = np.random.default_rng(20261126)
n = 200
group = rng.choice(np.array(["A", "B", "C"]), size=n, p=[0.45, 0.35, 0.20])
sex = rng.choice(np.array(["F", "M"]), size=n)
base = {"A": 0.55, "B": 0.35, "C": 0.45}
y = np.array([rng.random() < base[g] for g in group], dtype=int)
shift = {"A": 0.0, "B": 0.1, "C": -0.1}
score = np.clip(0.5 * y + 0.25 + rng.normal(0, 0.2, n) + np.array([shift[g] for g in group]), 0, 1)
score = np.round(score, 3)
yhat = (score >= 0.5).astype(int)

def lit(a):
    return ", ".join(str(x) for x in a)

print("LABELS =", "".join(map(str, y)))
print("PREDICTIONS =", "".join(map(str, yhat)))
print("GROUPS =", "".join(group))
print("SEX =", "".join(sex))
print("SCORES =", lit(score))

def counts(m):
    tp = int(np.sum((y == 1) & (yhat == 1) & m)); fp = int(np.sum((y == 0) & (yhat == 1) & m))
    tn = int(np.sum((y == 0) & (yhat == 0) & m)); fn = int(np.sum((y == 1) & (yhat == 0) & m))
    return tp, fp, tn, fn

def rates(m):
    tp, fp, tn, fn = counts(m)
    nn = tp + fp + tn + fn
    return dict(sel=(tp + fp) / nn, base=(tp + fn) / nn, tpr=tp / (tp + fn), fpr=fp / (fp + tn),
                ppv=tp / (tp + fp), npv=tn / (tn + fn), acc=(tp + tn) / nn, n=nn,
                counts=(tp, fp, tn, fn))

def wilson(k, nobs, alpha=0.05):
    # statsmodels proportion_confint(method='wilson'), written out
    q = k / nobs; z = norm.isf(alpha / 2); z2 = z * z
    denom = 1 + z2 / nobs
    center = (q + z2 / (2 * nobs)) / denom
    dist = z * np.sqrt(q * (1 - q) / nobs + z2 / (4 * nobs ** 2)) / denom
    return center - dist, center + dist

for g in ["A", "B", "C"]:
    r = rates(group == g)
    tp, fp, tn, fn = r["counts"]
    print(g, r, "wilson TPR", wilson(tp, tp + fn), "wilson FPR", wilson(fp, fp + tn))
ov = rates(np.ones(n, bool))
print("overall", ov)

def between(metric, groups):
    v = np.array([rates(group == g)[metric] for g in groups])
    return v.max() - v.min(), v.min() / v.max()

def to_overall(metric, groups):
    v = np.array([rates(group == g)[metric] for g in groups]); o = ov[metric]
    r = v / o; r = np.where(r > 1, 1 / r, r)
    return np.abs(v - o).max(), r.min()

G = ["A", "B", "C"]
print("demographic_parity_difference/ratio (between_groups)", between("sel", G))
tprd, tprr = between("tpr", G); fprd, fprr = between("fpr", G)
print("equalized_odds_difference worst", max(tprd, fprd), "mean", (tprd + fprd) / 2,
      "equalized_odds_ratio worst", min(tprr, fprr))
print("equal_opportunity diff/ratio", tprd, tprr)
print("predictive parity diff/ratio", between("ppv", G))
print("fpr diff ratio", fprd, fprr)
print("selection rate to_overall diff/ratio", to_overall("sel", G))
print("tpr to_overall diff/ratio", to_overall("tpr", G))
sel = {g: rates(group == g)["sel"] for g in G}
print("disparate impact to reference A:", {g: sel[g] / sel["A"] for g in G})
print("disparate impact to max group:", {g: sel[g] / max(sel.values()) for g in G})

# intersectional
for g in G:
    for s in ["F", "M"]:
        m = (group == g) & (sex == s)
        print(f"race={g}|sex={s}", int(m.sum()), counts(m))

# calibration: numpy re-implementation of sklearn.calibration.calibration_curve
def calibration_curve(yt, yp, n_bins=10, strategy="uniform"):
    if strategy == "quantile":
        bins = np.percentile(yp, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        bins = np.linspace(0.0, 1.0, n_bins + 1)
    binids = np.searchsorted(bins[1:-1], yp)
    bin_sums = np.bincount(binids, weights=yp, minlength=len(bins))
    bin_true = np.bincount(binids, weights=yt, minlength=len(bins))
    bin_total = np.bincount(binids, minlength=len(bins))
    nz = bin_total != 0
    return bin_true[nz] / bin_total[nz], bin_sums[nz] / bin_total[nz], bin_total[nz]

def ece_mce(yt, yp, strategy):
    pt, pp, tot = calibration_curve(yt, yp, 10, strategy)
    gap = np.abs(pp - pt)
    return float(np.sum(tot / len(yp) * gap)), float(gap.max()), pt, pp, tot

for strategy in ["uniform", "quantile"]:
    for g in G:
        m = group == g
        e, mc, pt, pp, tot = ece_mce(y[m], score[m], strategy)
        print(strategy, g, "ECE", repr(e), "MCE", repr(mc), "CITL", repr(score[m].mean() - y[m].mean()),
              "Brier", repr(np.mean((score[m] - y[m]) ** 2)), "bins", list(tot))
        if g == "A":
            print("   prob_true", list(pt)); print("   prob_pred", list(pp))

# Stratified percentile bootstrap (rows resampled with replacement within each group), 20000
# replicates, of demographic_parity_difference and equalized_odds_difference (worst case).
boot_rng = np.random.default_rng(5)
idx = {g: np.flatnonzero(group == g) for g in G}
dp, eo = [], []
for _ in range(20000):
    sel_, tpr_, fpr_ = [], [], []
    for g in G:
        j = boot_rng.choice(idx[g], size=len(idx[g]), replace=True)
        yy, pp = y[j], yhat[j]
        sel_.append(pp.mean())
        tpr_.append(pp[yy == 1].mean() if (yy == 1).any() else np.nan)
        fpr_.append(pp[yy == 0].mean() if (yy == 0).any() else np.nan)
    dp.append(max(sel_) - min(sel_))
    eo.append(max(np.nanmax(tpr_) - np.nanmin(tpr_), np.nanmax(fpr_) - np.nanmin(fpr_)))
print("bootstrap dp 2.5/97.5%", np.percentile(dp, [2.5, 97.5]))
print("bootstrap eo 2.5/97.5%", np.percentile(eo, [2.5, 97.5]))

# Stratified row bootstrap (5000 replicates) of the ECE difference between groups (uniform bins).
ece_d = []
for _ in range(5000):
    e = []
    for g in G:
        j = boot_rng.choice(idx[g], size=len(idx[g]), replace=True)
        e.append(ece_mce(y[j], score[j], "uniform")[0])
    ece_d.append(max(e) - min(e))
print("bootstrap ECE difference 2.5/97.5%", np.percentile(ece_d, [2.5, 97.5]))

# Fairlearn equalized_odds_difference(method='to_overall'): max of the TPR and FPR to_overall
# differences; ratio: min of the to_overall ratios
print("equalized_odds_difference to_overall", max(to_overall("tpr", G)[0], to_overall("fpr", G)[0]),
      "ratio", min(to_overall("tpr", G)[1], to_overall("fpr", G)[1]))
