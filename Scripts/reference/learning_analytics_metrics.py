#!/usr/bin/env python3
"""Reference values pinned by Tests/LearningAnalyticsTests (numpy + scipy; no sklearn).

Metrics as Scripts/reference/oulad_study.py defines them (log loss with p clipped to
[1e-6, 1 - 1e-6]; ECE over bins min(floor(10 p), 9); AUC by Mann-Whitney with mid-ranks),
numpy.percentile's default interpolation, and the study's decayed tallies (same-day events
never see each other). Usage: python3 Scripts/reference/learning_analytics_metrics.py
"""
import numpy as np
from scipy.stats import rankdata

P = np.array([0.9, 0.8, 0.8, 0.35, 0.2, 0.05, 0.6, 0.6, 0.999_999_9, 0.0, 0.45, 0.95])
Y = np.array([1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1], dtype=float)


def log_loss(p, y):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def ece(p, y, bins=10):
    idx = np.minimum((p * bins).astype(int), bins - 1)
    return sum((idx == b).sum() * abs(p[idx == b].mean() - y[idx == b].mean())
               for b in range(bins) if (idx == b).any()) / len(p)


def auc(p, y):
    r = rankdata(p)
    n1 = y.sum()
    n0 = len(y) - n1
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


print("log loss", repr(log_loss(P, Y).mean()))
print("brier   ", repr(((P - Y) ** 2).mean()))
print("ece     ", repr(ece(P, Y)))
print("auc     ", repr(auc(P, Y)))

V = np.array([0.3, -1.2, 2.5, 0.0, 0.7, 1.1, -0.4])
print("percentile 2.5", repr(np.percentile(V, 2.5)), "97.5", repr(np.percentile(V, 97.5)))

# Decayed tallies: (student, day, y); half-life 10 days.
EV = [(0, 0, 1), (1, 0, 0), (0, 0, 0), (0, 5, 1), (1, 5, 1), (0, 20, 0), (0, 20, 1)]
state = {}
out = []
day_groups = sorted({d for _, d, _ in EV})
for d in day_groups:
    today = [e for e in EV if e[1] == d]
    for s, _, _ in today:
        c1, c0, last = state.get(s, (0.0, 0.0, d))
        f = 2.0 ** (-(d - last) / 10)
        out.append((c1 * f, c0 * f))
    for s, _, y in today:
        c1, c0, last = state.get(s, (0.0, 0.0, d))
        f = 2.0 ** (-(d - last) / 10)
        state[s] = (c1 * f + y, c0 * f + (1 - y), d)
print("tallies", [(repr(a), repr(b)) for a, b in out])
