"""Python peer of the tracking benchmarks (LogMetricLatencyBenchmark, SustainedMetricThroughputBenchmark).

MLflow is not installed here, so this script reproduces what MLflow's FileStore does for each
``log_metric`` call: open the metric file in append mode, write one line
``"<timestamp ms> <value> <step>\n"`` (value via ``repr``-style ``str(float)``), close it. It also
times the cheapest possible Python writer of the same lines (one buffered file, one ``write`` per
point) as an upper bound for any pure-Python tracker.

Run: python3 benchmarks/python/tracking_peer.py
"""
import os
import random
import shutil
import statistics
import tempfile
import time


def per_point_append(path, values, n):
    """MLflow FileStore pattern: open/append/close per point. Returns per-call latencies (ns)."""
    lat = []
    for i in range(n):
        t0 = time.perf_counter_ns()
        ts = int(time.time() * 1000)
        with open(path, "a") as f:
            f.write("%s %s %s\n" % (ts, values[i & 0xFFFF], i))
        lat.append(time.perf_counter_ns() - t0)
    return lat


def buffered(path, values, n):
    """One open file, one buffered write per point; returns points/s including the final flush."""
    t0 = time.perf_counter()
    with open(path, "a", buffering=1 << 20) as f:
        for i in range(n):
            f.write("%s %s %s\n" % (int(time.time() * 1000), values[i & 0xFFFF], i))
    return n / (time.perf_counter() - t0)


def main():
    rnd = random.Random(42)
    values = [rnd.random() for _ in range(1 << 16)]
    d = tempfile.mkdtemp(prefix="mlops4j-peer")
    try:
        for rep in range(3):
            lat = per_point_append(os.path.join(d, "loss_a%d" % rep), values, 50_000)
            rate = buffered(os.path.join(d, "loss_b%d" % rep), values, 1_000_000)
            print("rep %d: per-point append (MLflow FileStore pattern) median %.0f ns, p99 %.0f ns, %.0f points/s; "
                  "buffered single-file writer %.0f points/s"
                  % (rep, statistics.median(lat), sorted(lat)[int(0.99 * len(lat))],
                     1e9 / statistics.mean(lat), rate))
    finally:
        shutil.rmtree(d)


if __name__ == "__main__":
    main()
