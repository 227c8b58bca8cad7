#!/usr/bin/env python3
"""Independent empirical-Bayes beta-binomial fit, the reference for the population priors.

Model: user i has theta_i ~ Beta(alpha, beta) and k_i successes in n_i trials,
k_i | theta_i ~ Binomial(n_i, theta_i); so k_i ~ BetaBinomial(n_i, alpha, beta).
The fit maximises the marginal log likelihood  sum_i log betabinom.pmf(k_i; n_i, alpha, beta)
over (alpha, beta) with scipy.optimize, in the parametrisation
    mean m = alpha / (alpha + beta)   (the belief's base rate a_true)
    W      = alpha + beta             (the prior weight of Docs/Math.md)
so the fitted prior is directly (base rate, W). Users with n_i = 0 carry no information and
are dropped. Identical (k, n) pairs are grouped, so the cost is per distinct pair.

Conventions a Swift port must follow to match these numbers:
  * optimiser variables: x = (logit m, log W), start at the pooled rate and W = 2,
    L-BFGS-B, bounds log W in [log 1e-3, log 1e6];
  * a degenerate population (every trial a success, or every trial a failure) has no
    interior maximum: fit_betabinom raises ValueError (the Swift fit should throw a typed error);
  * a population without overdispersion drives W to its upper bound (1e6): the MLE is
    W = infinity (all users share one rate); report it, do not hide it.

Run it to see a synthetic recovery check and the pinned reference values.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import optimize
from scipy.special import betaln, gammaln
from scipy.stats import betabinom

LOG_W_BOUNDS = (math.log(1e-3), math.log(1e6))


def _grouped(k, n):
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    if k.shape != n.shape or np.any(~np.isfinite(k)) or np.any(~np.isfinite(n)):
        raise ValueError("k and n must be finite arrays of one shape")
    if np.any(k < 0) or np.any(k > n):
        raise ValueError("need 0 <= k <= n")
    m = n > 0
    pairs, counts = np.unique(np.stack([k[m], n[m]], axis=1), axis=0, return_counts=True)
    return pairs[:, 0], pairs[:, 1], counts.astype(float)


def marginal_loglik(k, n, alpha, beta):
    """sum_i log BetaBinomial(k_i; n_i, alpha, beta) (scipy.stats.betabinom)."""
    return float(np.sum(betabinom.logpmf(np.asarray(k), np.asarray(n), alpha, beta)))


def fit_betabinom(k, n):
    """Maximum marginal likelihood fit. Returns dict(alpha, beta, mean, W, loglik, users)."""
    kk, nn, cc = _grouped(k, n)
    if len(kk) == 0:
        raise ValueError("empty population (no user with a trial)")
    K, N = float(np.sum(cc * kk)), float(np.sum(cc * nn))
    if K == 0 or K == N:
        raise ValueError("degenerate population: every outcome equal")
    # The binomial coefficient does not depend on (alpha, beta); drop it during the search.
    def nll(x):
        m = 1.0 / (1.0 + math.exp(-x[0]))
        W = math.exp(x[1])
        a, b = m * W, (1 - m) * W
        return -float(np.sum(cc * (betaln(kk + a, nn - kk + b) - betaln(a, b))))
    p0 = K / N
    x0 = np.array([math.log(p0 / (1 - p0)), math.log(2.0)])
    res = optimize.minimize(nll, x0, method="L-BFGS-B", bounds=[(-30, 30), LOG_W_BOUNDS],
                            options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 1000})
    # polish with Nelder-Mead from the L-BFGS point (robust on the flat ridge at large W)
    res2 = optimize.minimize(nll, res.x, method="Nelder-Mead",
                             options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 4000})
    x = res2.x if res2.fun <= res.fun else res.x
    x[1] = min(max(x[1], LOG_W_BOUNDS[0]), LOG_W_BOUNDS[1])
    m = 1.0 / (1.0 + math.exp(-x[0]))
    W = math.exp(x[1])
    a, b = m * W, (1 - m) * W
    ll = float(np.sum(cc * betabinom.logpmf(kk, nn, a, b)))
    return dict(alpha=a, beta=b, mean=m, W=W, loglik=ll, users=int(cc.sum()))


def shrink_context_means(ctxs, parent_mean):
    """Shrink per-context pooled rates toward the parent's mean (the belief's, or the
    assessment type's): m_c = (K_c + kappa * parent) / (N_c + kappa), where kappa is the
    concentration of a beta-binomial over contexts (each context one 'user' with K_c successes
    in N_c trials) fitted by maximum marginal likelihood with its mean fixed at parent.
    ctxs: {context: (k per user, n per user)}. Returns {context: shrunk mean}."""
    names = sorted(ctxs)
    K = np.array([float(np.sum(ctxs[c][0])) for c in names])
    N = np.array([float(np.sum(ctxs[c][1])) for c in names])
    pm = float(parent_mean)

    def nll(lk):
        kap = math.exp(lk)
        a, b = pm * kap, (1 - pm) * kap
        return -float(np.sum(betaln(K + a, N - K + b) - betaln(a, b)))
    res = optimize.minimize_scalar(nll, bounds=(math.log(1.0), math.log(1e6)), method="bounded",
                                   options={"xatol": 1e-8})
    kap = math.exp(res.x)
    return {c: (K[i] + kap * pm) / (N[i] + kap) for i, c in enumerate(names)}


# ------------------------------------------------------------------------ synthetic check

POPULATIONS = [  # (name, alpha, beta, users, max trials)
    ("A: mean 0.4, W 5", 2.0, 3.0, 4000, 20),
    ("B: mean 0.5, W 1 (U-shaped)", 0.5, 0.5, 4000, 10),
    ("C: mean 0.8, W 10", 8.0, 2.0, 4000, 30),
]
SEED = 9


def synthetic(alpha, beta, users, max_trials, rng):
    n = rng.integers(1, max_trials + 1, size=users)
    theta = rng.beta(alpha, beta, size=users)
    k = rng.binomial(n, theta)
    return k, n


# A small literal population a Swift test can pin without reproducing numpy's generator.
PINNED_K = [0, 1, 2, 3, 5, 1, 0, 4, 7, 2, 3, 3, 9, 0, 1, 6, 2, 2, 5, 8]
PINNED_N = [3, 4, 5, 3, 9, 2, 6, 4, 10, 7, 3, 8, 10, 1, 2, 6, 5, 9, 5, 10]


def main():
    print("Empirical-Bayes beta-binomial fit (scipy.stats.betabinom + scipy.optimize)\n")
    rng = np.random.default_rng(SEED)
    print(f"synthetic recovery, numpy default_rng({SEED}), populations drawn in this order:")
    print(f"{'population':30s} {'alpha':>8s} {'beta':>8s} {'mean':>8s} {'W':>8s} {'loglik':>14s}")
    for name, a, b, users, mt in POPULATIONS:
        k, n = synthetic(a, b, users, mt, rng)
        f = fit_betabinom(k, n)
        # cross-check the objective against scipy.stats.betabinom directly
        assert abs(f["loglik"] - marginal_loglik(k, n, f["alpha"], f["beta"])) < 1e-6
        print(f"{name:30s} {f['alpha']:8.4f} {f['beta']:8.4f} {f['mean']:8.5f} {f['W']:8.4f} {f['loglik']:14.6f}")
        print(f"{'  truth':30s} {a:8.4f} {b:8.4f} {a / (a + b):8.5f} {a + b:8.4f}")
        assert abs(f["mean"] - a / (a + b)) < 0.02 and abs(math.log(f["W"] / (a + b))) < math.log(1.3)
        print(f"  K = {int(k.sum())}, N = {int(n.sum())}, users = {users}")
    f = fit_betabinom(PINNED_K, PINNED_N)
    print("\npinned literal population (PINNED_K / PINNED_N in this file, 20 users):")
    print(f"  alpha = {f['alpha']:.10f}  beta = {f['beta']:.10f}")
    print(f"  mean  = {f['mean']:.10f}  W    = {f['W']:.10f}")
    print(f"  loglik = {f['loglik']:.10f}  (sum of scipy.stats.betabinom.logpmf)")
    for bad in ([[3, 2], [3, 2]], [[0, 0], [3, 2]]):
        try:
            fit_betabinom(*bad)
        except ValueError as e:
            print(f"  k={bad[0]} n={bad[1]}: ValueError: {e}")
    k = np.array([5] * 50)
    n = np.array([10] * 50)
    f = fit_betabinom(k, n)
    print(f"  no overdispersion (50 users, 5 of 10 each): mean {f['mean']:.6f}, W {f['W']:.4g} (upper bound)")


if __name__ == "__main__":
    main()
