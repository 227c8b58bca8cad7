#!/usr/bin/env python3
"""Independent empirical-Bayes Dirichlet-multinomial fit and context shrinkage, the reference
for the population priors of categorical beliefs (Sources/SelfModel/Population).

Model: user i has theta_i ~ Dirichlet(a_1..a_K) and counts x_i ~ Multinomial(n_i, theta_i),
so x_i ~ DirichletMultinomial(n_i, a). The fit maximises
    sum_i log scipy.stats.dirichlet_multinomial.pmf(x_i; a, n_i)
over a with scipy.optimize (L-BFGS-B on log a_k, then Nelder-Mead), reported as the base rates
m_k = a_k / W and the prior weight W = sum_k a_k of Docs/Math.md, W bounded to [1e-3, 1e6].
Users with n_i = 0 carry no information and are dropped.

Context shrinkage (Docs/Math.md, "Population priors"): a context c with pooled counts K_c
(per outcome) shrinks toward its parent's base rates m_p as
    m_c = (K_c + kappa m_p) / (N_c + kappa),
where kappa maximises the Dirichlet-multinomial likelihood of the sibling contexts' pooled
counts (each context one 'user') with mean fixed at m_p, kappa in [1, 1e6] (bounded Brent).

Run it to print the pinned values the Swift tests use.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import optimize
from scipy.special import gammaln
from scipy.stats import dirichlet_multinomial

LOG_W_BOUNDS = (math.log(1e-3), math.log(1e6))


def loglik(x, a):
    """sum_i log DirichletMultinomial(x_i; a, n_i) with scipy.stats.dirichlet_multinomial."""
    x = np.asarray(x, dtype=float)
    return float(sum(dirichlet_multinomial.logpmf(row, a, row.sum()) for row in x if row.sum() > 0))


def fit_dirichlet_multinomial(x):
    """Maximum marginal likelihood fit of rows x (users x outcomes). Returns dict."""
    x = np.asarray(x, dtype=float)
    x = x[x.sum(axis=1) > 0]
    if len(x) == 0:
        raise ValueError("empty population")
    totals = x.sum(axis=0)
    if np.any(totals == 0):
        raise ValueError("degenerate population: an outcome never observed")
    n = x.sum(axis=1)

    def nll(u):
        a = np.exp(u)
        w = a.sum()
        return -float(np.sum(gammaln(w) - gammaln(n + w))
                      + np.sum(gammaln(x + a) - gammaln(a)))

    p0 = totals / totals.sum()
    u0 = np.log(2.0 * p0)
    res = optimize.minimize(nll, u0, method="L-BFGS-B",
                            options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 2000})
    res2 = optimize.minimize(nll, res.x, method="Nelder-Mead",
                             options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000})
    u = res2.x if res2.fun <= res.fun else res.x
    a = np.exp(u)
    w = a.sum()
    return dict(a=a, m=a / w, W=w, loglik=loglik(x, a), users=len(x))


def shrink(children, parent_mean):
    """children: list of pooled count vectors (one per context); returns (kappa, shrunk means)."""
    K = np.asarray(children, dtype=float)
    N = K.sum(axis=1)
    pm = np.asarray(parent_mean, dtype=float)

    def nll(lk):
        kap = math.exp(lk)
        a = kap * pm
        return -float(np.sum(gammaln(kap) - gammaln(N + kap))
                      + np.sum(gammaln(K + a) - gammaln(a)))
    res = optimize.minimize_scalar(nll, bounds=(0.0, math.log(1e6)), method="bounded",
                                   options={"xatol": 1e-10})
    kap = math.exp(res.x)
    return kap, (K + kap * pm) / (N + kap)[:, None]


# 15 users, 3 outcomes: a small literal population a Swift test pins.
PINNED = [[3, 1, 0], [0, 2, 2], [5, 0, 1], [1, 1, 1], [2, 0, 0], [0, 0, 4], [4, 3, 1],
          [1, 0, 2], [6, 1, 1], [0, 3, 0], [2, 2, 2], [1, 0, 0], [3, 0, 3], [0, 1, 5],
          [2, 1, 0]]
# Sibling contexts' pooled counts (binary and 3-outcome) and their parents' means.
SHRINK_BINARY = ([[30, 70], [8, 2], [1, 0], [45, 55]], [0.4, 0.6])
SHRINK_CATEGORICAL = ([[10, 5, 5], [2, 0, 1], [40, 30, 30]], [0.5, 0.3, 0.2])


def main():
    f = fit_dirichlet_multinomial(PINNED)
    print("pinned 15-user population, 3 outcomes:")
    print("  a =", " ".join(f"{v:.10f}" for v in f["a"]))
    print("  m =", " ".join(f"{v:.10f}" for v in f["m"]))
    print(f"  W = {f['W']:.10f}  loglik = {f['loglik']:.10f}")
    # the binary case equals the beta-binomial of betabinom_fit.py
    from betabinom_fit import PINNED_K, PINNED_N
    b = fit_dirichlet_multinomial([[k, n - k] for k, n in zip(PINNED_K, PINNED_N)])
    print(f"  binary PINNED_K/N as 2 outcomes: a = {b['a'][0]:.10f} {b['a'][1]:.10f}")
    for name, (children, pm) in (("binary", SHRINK_BINARY), ("categorical", SHRINK_CATEGORICAL)):
        kap, means = shrink(children, pm)
        print(f"shrinkage {name}: kappa = {kap:.10f}")
        for row in means:
            print("  ", " ".join(f"{v:.10f}" for v in row))
    rng = np.random.default_rng(9)
    truth = np.array([3.0, 1.5, 0.5])
    theta = rng.dirichlet(truth, size=4000)
    n = rng.integers(1, 21, size=4000)
    x = np.array([rng.multinomial(k, t) for k, t in zip(n, theta)])
    r = fit_dirichlet_multinomial(x)
    print("recovery, a = (3, 1.5, 0.5), 4000 users:", r["a"], "W", r["W"])


if __name__ == "__main__":
    main()
