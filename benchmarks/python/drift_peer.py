"""Python peers of org.mlops4j.benchmarks.drift.DriftBenchmark (same sizes, same data shape).

Run right after the JMH run, in the same shell:
    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 benchmarks/python/drift_peer.py
Prints the best-of-repeats mean time per call in milliseconds.
"""
import timeit
import numpy as np
import scipy
import scipy.stats as st


def sample(rng, n, shift, scale):
    return (rng.random((4, n)).sum(axis=0) - 2.0) * scale + shift


def psi_numpy(ref, cur, bins=10, eps=1e-4):
    edges = np.quantile(ref, np.arange(1, bins) / bins)
    r = np.bincount(np.searchsorted(edges, ref, side='left'), minlength=bins) / ref.size
    c = np.bincount(np.searchsorted(edges, cur, side='left'), minlength=bins) / cur.size
    r = np.where(r == 0, eps, r)
    c = np.where(c == 0, eps, c)
    return float(np.sum((c - r) * np.log(c / r)))


def psi_fitted(edges, rshare, cur, eps=1e-4):
    c = np.bincount(np.searchsorted(edges, cur, side='left'), minlength=edges.size + 1) / cur.size
    c = np.where(c == 0, eps, c)
    return float(np.sum((c - rshare) * np.log(c / rshare)))


def bench(name, fn, number, repeat=5):
    t = min(timeit.repeat(fn, number=number, repeat=repeat)) / number
    print(f"{name:32s} {t * 1e3:10.3f} ms")


def main():
    rng = np.random.default_rng(1)
    ref = sample(rng, 1_000_000, 0.0, 1.0)
    cur = sample(rng, 1_000_000, 0.01, 1.0)
    win = sample(rng, 100_000, 0.01, 1.0)
    edges = np.quantile(ref, np.arange(1, 10) / 10)
    rshare = np.bincount(np.searchsorted(edges, ref, side='left'), minlength=10) / ref.size
    print(f"numpy {np.__version__}, scipy {scipy.__version__}")
    bench("ks_2samp 1e6 vs 1e6", lambda: st.ks_2samp(ref, cur), 2)
    bench("ks_2samp 1e6 ref vs 1e5 window", lambda: st.ks_2samp(ref, win), 3)
    bench("psi numpy 1e6 vs 1e6 (10 q-bins)", lambda: psi_numpy(ref, cur), 5)
    bench("psi numpy fitted edges, 1e6 cur", lambda: psi_fitted(edges, rshare, cur), 5)


if __name__ == "__main__":
    main()
