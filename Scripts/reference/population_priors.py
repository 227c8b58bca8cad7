#!/usr/bin/env python3
"""Reference for PopulationPriorFit end to end (Sources/SelfModel/Population): a small literal
population of users with evidence in contexts, fitted the way Docs/Math.md ("Population
priors") defines, from the independent fits of betabinom_fit.py and
dirichlet_multinomial_fit.py (SciPy).

Binary belief "mastery", contexts: "type:TMA" (declared, no parent), "module:A/type:TMA" and
"module:B/type:TMA" (declared, parent type:TMA), "type:CMA" (not declared: parent the belief).
An item in a context counts for it and for its declared ancestors. Steps:
  1. belief: fit_betabinom over every user's (k, n) pooled over contexts -> (m_b, W_b);
  2. the belief's children (type:TMA, type:CMA): shrink toward m_b with kappa by MML over their
     pooled (K_c, N_c); type:TMA's children (module:A, module:B) toward type:TMA's shrunk mean;
  3. a context's W: fit_betabinom over its users' (k, n) when at least MIN_USERS users.
Categorical belief "tone" (3 outcomes), contexts "surface:chat", "surface:mail" (parent the
belief): the same with fit_dirichlet_multinomial and shrink.
"""
from __future__ import annotations

import numpy as np

from betabinom_fit import fit_betabinom
from dirichlet_multinomial_fit import fit_dirichlet_multinomial, shrink

MIN_USERS = 3
PARENT = {"module:A/type:TMA": "type:TMA", "module:B/type:TMA": "type:TMA"}
# user -> list of (context, successes, trials)
MASTERY = [
    [("module:A/type:TMA", 4, 4), ("type:CMA", 1, 6)],
    [("module:A/type:TMA", 4, 5), ("module:B/type:TMA", 1, 4)],
    [("module:B/type:TMA", 2, 6), ("type:CMA", 0, 5)],
    [("module:A/type:TMA", 5, 6), ("type:CMA", 1, 4)],
    [("module:B/type:TMA", 0, 3)],
    [("type:CMA", 2, 7), ("module:A/type:TMA", 3, 3)],
    [("module:A/type:TMA", 1, 2), ("module:B/type:TMA", 1, 5), ("type:CMA", 0, 3)],
    [("module:B/type:TMA", 3, 4)],
    [("type:CMA", 0, 4)],
    [("module:A/type:TMA", 6, 7), ("type:CMA", 2, 5)],
]
# user -> list of (context, counts per outcome)
TONE = [
    [("surface:chat", [3, 1, 0]), ("surface:mail", [0, 1, 3])],
    [("surface:chat", [4, 2, 0])],
    [("surface:mail", [1, 0, 5])],
    [("surface:chat", [2, 1, 1]), ("surface:mail", [0, 1, 2])],
    [("surface:chat", [5, 0, 1])],
    [("surface:mail", [1, 2, 4]), ("surface:chat", [3, 0, 1])],
    [("surface:chat", [6, 1, 1])],
    [("surface:mail", [0, 3, 3]), ("surface:chat", [2, 2, 0])],
]


def ancestors(c):
    out = [c]
    while c in PARENT:
        c = PARENT[c]
        out.append(c)
    return out


def mastery():
    per_ctx = {}
    overall_k, overall_n = [], []
    for items in MASTERY:
        k = sum(i[1] for i in items)
        n = sum(i[2] for i in items)
        overall_k.append(k)
        overall_n.append(n)
        mine = {}
        for c, kk, nn in items:
            for a in ancestors(c):
                s = mine.setdefault(a, [0, 0])
                s[0] += kk
                s[1] += nn
        for c, (kk, nn) in mine.items():
            per_ctx.setdefault(c, []).append((kk, nn))
    b = fit_betabinom(overall_k, overall_n)
    print(f"mastery belief: m = {b['mean']:.10f} W = {b['W']:.10f} loglik = {b['loglik']:.10f}")
    pooled = {c: [sum(x[0] for x in v), sum(x[1] for x in v)] for c, v in per_ctx.items()}
    means = {}

    def level(children, parent_mean, label):
        kap, m = shrink([[pooled[c][0], pooled[c][1] - pooled[c][0]] for c in children],
                        [parent_mean, 1 - parent_mean])
        print(f"  children of {label}: kappa = {kap:.10f}")
        for c, row in zip(children, m):
            means[c] = row[0]
    level(["type:CMA", "type:TMA"], b["mean"], "the belief")
    level(["module:A/type:TMA", "module:B/type:TMA"], means["type:TMA"], "type:TMA")
    for c in sorted(per_ctx):
        users = per_ctx[c]
        w = ""
        if len(users) >= MIN_USERS:
            f = fit_betabinom([u[0] for u in users], [u[1] for u in users])
            w = f"W = {f['W']:.10f} loglik = {f['loglik']:.10f}"
        print(f"  {c}: users {len(users)} K/N {pooled[c][0]}/{pooled[c][1]} "
              f"m = {means[c]:.10f} {w}")


def tone():
    per_ctx = {}
    overall = []
    for items in TONE:
        overall.append(np.sum([i[1] for i in items], axis=0))
        for c, x in items:
            per_ctx.setdefault(c, []).append(x)
    b = fit_dirichlet_multinomial(overall)
    print("tone belief: m =", " ".join(f"{v:.10f}" for v in b["m"]),
          f"W = {b['W']:.10f} loglik = {b['loglik']:.10f}")
    children = sorted(per_ctx)
    kap, m = shrink([np.sum(per_ctx[c], axis=0) for c in children], b["m"])
    print(f"  kappa = {kap:.10f}")
    for c, row in zip(children, m):
        f = fit_dirichlet_multinomial(per_ctx[c])
        print(f"  {c}: m =", " ".join(f"{v:.10f}" for v in row), f"W = {f['W']:.10f}")


if __name__ == "__main__":
    mastery()
    tone()
