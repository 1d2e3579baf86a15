#!/usr/bin/env python3
"""CPU time of two spongeflow builds on one SWMM model, for before/after comparisons on a
shared machine: N alternating runs of `BIN network MODEL` each (OMP_NUM_THREADS=1), the minimum
user + system time of each (getrusage of the child), and their ratio B/A. CPU time is less
sensitive than wall time to other jobs on the machine; the minimum of alternating runs is less
sensitive still. Standard library only.
  bench/network_cpu_pair.py MODEL.inp N BIN_A BIN_B"""
import os, resource, subprocess, sys
model, n, a, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
env = dict(os.environ, OMP_NUM_THREADS="1")
best = {a: 1e9, b: 1e9}
for _ in range(n):
    for bin_ in (a, b):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([bin_, "network", model], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        best[bin_] = min(best[bin_], t)
print(f"{os.path.basename(model)} A={best[a]:.3f} B={best[b]:.3f} ratio={best[b]/best[a]:.3f}")
