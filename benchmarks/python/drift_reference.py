"""Independent reference values for the mlops-drift tests (org.mlops4j.drift.*Test).

Regenerates, with scipy 1.17.1 / numpy 2.4.6, every literal the tests paste. The data are the
same numbers as the tests' Samples.sample(seed, n, shift, scale): SplitMix64 reproduces
java.util.SplittableRandom(seed).nextDouble() exactly, and a value is
(u1 + u2 + u3 + u4 - 2) * scale + shift; Samples.rounded is floor(10 x) / 10.

Run: python3 benchmarks/python/drift_reference.py
"""
import math
import warnings
from fractions import Fraction
from math import comb, gcd

import numpy as np
import scipy.stats as st
from scipy.spatial.distance import jensenshannon

M64 = (1 << 64) - 1
G = 0x9e3779b97f4a7c15
def mix64(z):
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)
class SR:
    def __init__(self, seed): self.s = seed & M64
    def next_long(self):
        self.s = (self.s + G) & M64
        return mix64(self.s)
    def next_double(self):
        return (self.next_long() >> 11) * (1.0 / (1 << 53))
def sample(seed, n, shift, scale):
    r = SR(seed); out = []
    for _ in range(n):
        u = r.next_double() + r.next_double() + r.next_double() + r.next_double() - 2.0
        out.append(u * scale + shift)
    return out
def rounded(xs):
    import math
    return [math.floor(x * 10.0) / 10.0 for x in xs]


def exact_one_sided(n1, n2, d, alt):
    # independent big-integer lattice-path count of P(D+ >= d) (alt greater) or P(D- >= d)
    g = gcd(n1, n2); lcm = n1 // g * n2; h = round(d * lcm)
    a, b = lcm // n1, lcm // n2
    # paths from (0,0) to (n1,n2) never reaching i*a - j*b >= h (greater)
    prev = None
    for i in range(n1 + 1):
        cur = [0] * (n2 + 1)
        for j in range(n2 + 1):
            dev = i * a - j * b if alt == 'greater' else j * b - i * a
            if dev >= h: cur[j] = 0; continue
            if i == 0 and j == 0: cur[j] = 1; continue
            cur[j] = (prev[j] if i > 0 else 0) + (cur[j - 1] if j > 0 else 0)
        prev = cur
    inside = prev[n2]
    return float(1 - Fraction(inside, comb(n1 + n2, n1)))
cases = [(1, 2, 30, 40, 0.5), (3, 4, 500, 700, 0.1), (5, 6, 3000, 5000, 0.05), (7, 8, 400, 400, 0.15), (9, 10, 20000, 30000, 0.02)]
for s1, s2, n1, n2, sh in cases:
    a = sample(s1, n1, 0.0, 1.0); b = sample(s2, n2, sh, 1.0)
    for alt in ['two-sided', 'greater', 'less']:
        for m in ['exact', 'asymp']:
            if n1 >= 20000 and m == 'exact': continue
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter('always')
                r = st.ks_2samp(a, b, alternative=alt, method=m)
            note = ' FELL BACK' if w else ''
            extra = ''
            if note and alt != 'two-sided' and m == 'exact' and n1 <= 700:
                extra = ' bigint=%r' % exact_one_sided(n1, n2, r.statistic, alt)
            print(f"{s1},{s2},{n1},{n2},{sh} {alt} {m}: D={r.statistic!r} p={r.pvalue!r}{note}{extra}")
# ties
a = rounded(sample(11, 200, 0.0, 1.0)); b = rounded(sample(12, 300, 0.2, 1.0))
for alt in ['two-sided', 'greater', 'less']:
    r = st.ks_2samp(a, b, alternative=alt, method='exact'); print('ties', alt, repr(r.statistic), repr(r.pvalue))

def psi_np(ref, cur, bins=10, binning='quantile', eps=1e-4):
    ref = np.asarray(ref); cur = np.asarray(cur)
    if binning == 'quantile':
        edges = np.quantile(ref, [k / bins for k in range(1, bins)])  # method='linear'
    else:
        lo, hi = ref.min(), ref.max(); w = (hi - lo) / bins
        edges = np.array([lo + k * w for k in range(1, bins)])
    r = np.bincount(np.searchsorted(edges, ref, side='left'), minlength=bins) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side='left'), minlength=bins) / len(cur)
    r = np.where(r == 0, eps, r); c = np.where(c == 0, eps, c)
    return float(np.sum((c - r) * np.log(c / r))), edges
ref = sample(21, 5000, 0.0, 1.0); cur = sample(22, 4000, 0.3, 1.2)
p, e = psi_np(ref, cur); print('psi quantile', repr(p)); print('edges', [repr(float(x)) for x in e])
p, e = psi_np(ref, cur, binning='equal'); print('psi equal', repr(p))
far = sample(23, 500, 3.0, 0.2)
print('psi far eps1e-4', repr(psi_np(ref, far)[0]), 'eps1e-6', repr(psi_np(ref, far, eps=1e-6)[0]))
print('psi 20 bins', repr(psi_np(ref, cur, bins=20)[0]))
u = sample(24, 300, 0.0, 1.0); v = sample(25, 400, 0.2, 1.5)
w = st.wasserstein_distance(u, v); print('wasserstein', repr(w), 'norm', repr(w / np.std(u)))
print('cvm asymp', st.cramervonmises_2samp(u, v))
x = sample(26, 7, 0.0, 1.0); y = sample(27, 9, 0.8, 1.0)
print('cvm exact', st.cramervonmises_2samp(x, y, method='exact'))
xr = rounded(sample(28, 300, 0.0, 1.0)); yr = rounded(sample(29, 250, 0.1, 1.0))
print('cvm ties', st.cramervonmises_2samp(xr, yr))
# z test by hand with scipy.stats.norm
x1, n1, x2, n2 = 45, 300, 70, 320
pp = (x1 + x2) / (n1 + n2); z = (x1 / n1 - x2 / n2) / np.sqrt(pp * (1 - pp) * (1 / n1 + 1 / n2))
print('z', repr(z), repr(2 * st.norm.sf(abs(z))))
t = np.array([[30, 50, 20, 0], [25, 40, 30, 5]])
r = st.chi2_contingency(t, correction=False); print('chi2', repr(r.statistic), repr(r.pvalue), r.dof)
r = st.chi2_contingency(np.array([[30, 70], [45, 55]]), correction=False); print('chi2 dof1', repr(r.statistic), repr(r.pvalue), r.dof)
print('js', repr(jensenshannon([30, 50, 20, 0], [25, 40, 30, 5], base=2)))
ps = [0.01, 0.04, 0.03, 0.2, 0.5, 0.001, 0.049]
print('bh', [repr(float(a)) for a in st.false_discovery_control(ps, method='bh')])
# categorical psi with unseen bucket: ref categories a,b,c ; cur has d unseen
refc = ['a'] * 50 + ['b'] * 30 + ['c'] * 20; curc = ['a'] * 40 + ['b'] * 30 + ['c'] * 20 + ['d'] * 10
rs = np.array([50, 30, 20, 0]) / 100; cs = np.array([40, 30, 20, 10]) / 100
rs = np.where(rs == 0, 1e-4, rs); cs = np.where(cs == 0, 1e-4, cs)
print('psi cat', repr(float(np.sum((cs - rs) * np.log(cs / rs)))))

# Anderson-Darling (midrank)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    for s1, s2, n1, n2, sh, sc, rnd in [(61, 62, 200, 250, 0.1, 1.0, False),
                                        (63, 64, 300, 280, 0.05, 1.0, True),
                                        (53, 54, 300, 280, 0.05, 1.0, True),
                                        (51, 52, 200, 250, 0.0, 1.1, False),
                                        (24, 25, 300, 400, 0.2, 1.5, False)]:
        a = sample(s1, n1, 0.0, 1.0)
        b = sample(s2, n2, sh, sc)
        if rnd:
            a, b = rounded(a), rounded(b)
        r = st.anderson_ksamp([a, b], variant='midrank')
        print('ad', s1, s2, repr(float(r.statistic)), repr(float(r.pvalue)))
# KS asymptotic regions and baseline test data
for s1, s2, n1, n2 in [(31, 32, 3000, 5000), (33, 34, 20000, 30000), (35, 36, 150, 220)]:
    r = st.ks_2samp(sample(s1, n1, 0.0, 1.0), sample(s2, n2, 0.0, 1.0), method='asymp')
    print('ks asymp', s1, s2, repr(float(r.statistic)), repr(float(r.pvalue)))
print('baseline age', st.ks_2samp(sample(41, 2000, 40.0, 10.0), sample(42, 1500, 44.0, 10.0), method='exact'))
print('baseline income', st.ks_2samp(sample(43, 2000, 0.0, 1.0), sample(44, 1500, 0.0, 1.0), method='exact'))
x = np.arange(1, 11, dtype=float)
print('golden x', st.ks_2samp(x, np.arange(6, 16, dtype=float), method='exact'))
